using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Grids.Layout;

/// <summary>
/// Draws grids over merged compounds with the street's households-per-grid rule: a compound too big for one grid
/// is split into the fewest equal grids that fit; compounds too small for a grid of their own are joined with
/// small neighbours of the same community until they fill one. The result is a proposal; only the street's
/// approved plan is served.
/// </summary>
internal static class GridDrawer
{
    public static IReadOnlyList<GridRecord> Draw(StreetLayout layout, GridRules rules)
    {
        var byCode = layout.Compounds.ToDictionary(c => c.Code);
        var graph = new CompoundGraph(layout.Compounds, rules);
        var grids = new List<List<GridPart>>();
        foreach (var community in layout.MergePlan.Compounds.GroupBy(m => m.Community))
        {
            var small = new List<(MergedCompound Compound, GridPart Part)>();
            foreach (var merged in community)
            {
                var members = merged.Members.Select(m => byCode[m]).ToList();
                var whole = new GridPart(merged.Code, members.Sum(m => m.Households), members.Sum(m => m.Residents));
                if (whole.Households < rules.MinHouseholdsPerGrid)
                    small.Add((merged, whole));
                else
                    grids.AddRange(Split(whole, (int)Math.Ceiling(whole.Households / (double)rules.MaxHouseholdsPerGrid)).Select(p => new List<GridPart> { p }));
            }
            grids.AddRange(JoinSmall(small, byCode, graph, rules));
        }
        return grids.Select((parts, i) => new GridRecord($"g{i + 1:D3}", $"网格{i + 1}", layout.MergePlan.Compounds.First(m => m.Code == parts[0].Compound).Community,
            parts, new GridPerson("", true), [])).ToList();
    }

    /// <summary>Splits a compound into <paramref name="count"/> parts whose households and residents add up exactly.</summary>
    private static IEnumerable<GridPart> Split(GridPart whole, int count)
    {
        for (var i = 0; i < count; i++)
        {
            int Share(int total) => total * (i + 1) / count - total * i / count;
            yield return whole with { Households = Share(whole.Households), Residents = Share(whole.Residents) };
        }
    }

    private static IEnumerable<List<GridPart>> JoinSmall(
        List<(MergedCompound Compound, GridPart Part)> small, Dictionary<string, CompoundRecord> byCode, CompoundGraph graph, GridRules rules)
    {
        var open = small.OrderBy(s => s.Part.Households).ToList();
        while (open.Count > 0)
        {
            var grid = new List<(MergedCompound Compound, GridPart Part)> { open[0] };
            open.RemoveAt(0);
            while (grid.Sum(g => g.Part.Households) < rules.MinHouseholdsPerGrid)
            {
                var next = open.FirstOrDefault(o => grid.Sum(g => g.Part.Households) + o.Part.Households <= rules.MaxHouseholdsPerGrid
                    && grid.Any(g => g.Compound.Members.Any(a => o.Compound.Members.Any(b => graph.Linked(byCode[a], byCode[b])))));
                if (next.Compound is null)
                    break;
                grid.Add(next);
                open.Remove(next);
            }
            yield return grid.Select(g => g.Part).ToList();
        }
    }
}
