using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Layout;

/// <summary>
/// The checks a street's ground data must pass: compounds that add up to the communities, a merge plan that
/// places every compound exactly once with neighbours only, a grid plan that covers every household within
/// the street's households-per-grid rule, and stations in real communities. Every problem names the record at fault.
/// </summary>
internal static class LayoutCheck
{
    public static IReadOnlyList<string> Check(IStreet street)
    {
        var rules = StreetRules.GridRulesOf(street);
        var layout = street.Layout;
        var problems = new List<string>();
        if (layout.Compounds.Count == 0)
            return ["the street ships no compounds"];
        problems.AddRange(CheckCompounds(street.Profile, layout.Compounds));
        if (problems.Count > 0)
            return problems;
        problems.AddRange(CheckMergePlan(layout.MergePlan, layout.Compounds, rules));
        if (problems.Count > 0)
            return problems;
        problems.AddRange(CheckGridPlan(layout.GridPlan, layout.MergePlan, layout.Compounds, rules));
        problems.AddRange(CheckStations(street.Profile, layout.Stations));
        return problems;
    }

    public static IEnumerable<string> CheckCompounds(StreetProfile profile, IReadOnlyList<CompoundRecord> compounds)
    {
        var codes = compounds.Select(c => c.Code).ToHashSet();
        foreach (var twice in compounds.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            yield return $"compound code '{twice.Key}' appears {twice.Count()} times";
        var byCode = compounds.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var compound in compounds)
        {
            if (profile.Communities.All(c => c.Code != compound.Community))
                yield return $"compound '{compound.Code}' names community '{compound.Community}', which the street does not have";
            if (compound.Households <= 0 || compound.Residents < compound.Households)
                yield return $"compound '{compound.Code}' needs positive households and at least as many residents";
            foreach (var neighbour in compound.Adjacent)
            {
                if (!codes.Contains(neighbour))
                    yield return $"compound '{compound.Code}' is adjacent to unknown compound '{neighbour}'";
                else if (!byCode[neighbour].Adjacent.Contains(compound.Code))
                    yield return $"compound '{compound.Code}' lists '{neighbour}' as adjacent but not the other way round";
            }
        }
        foreach (var community in profile.Communities)
        {
            var households = compounds.Where(c => c.Community == community.Code).Sum(c => c.Households);
            if (households != community.Households)
                yield return $"community '{community.Code}': its compounds hold {households} households, the community says {community.Households}";
        }
    }

    public static IEnumerable<string> CheckMergePlan(MergePlan plan, IReadOnlyList<CompoundRecord> compounds, GridRules rules)
    {
        var graph = new CompoundGraph(compounds, rules);
        var placed = new Dictionary<string, string>();
        foreach (var twice in plan.Compounds.GroupBy(m => m.Code).Where(g => g.Count() > 1))
            yield return $"merged compound code '{twice.Key}' appears {twice.Count()} times";
        foreach (var merged in plan.Compounds)
        {
            if (merged.Members.Count == 0)
            {
                yield return $"merged compound '{merged.Code}' has no members";
                continue;
            }
            foreach (var member in merged.Members)
            {
                if (!graph.Contains(member))
                    yield return $"merged compound '{merged.Code}' names unknown compound '{member}'";
                else if (!placed.TryAdd(member, merged.Code))
                    yield return $"compound '{member}' is in both '{placed[member]}' and '{merged.Code}'";
            }
            var members = merged.Members.Where(graph.Contains).Distinct().Select(m => graph[m]).ToList();
            foreach (var stranger in members.Where(m => m.Community != merged.Community))
                yield return $"merged compound '{merged.Code}' ({merged.Community}) includes compound '{stranger.Code}' of community '{stranger.Community}'";
            if (!graph.Connected(members))
                yield return $"merged compound '{merged.Code}' joins compounds that neither share a boundary nor a facility within {rules.MaxMergeDistanceMetres} m";
            var households = members.Sum(m => m.Households);
            if (households > rules.MaxMergedHouseholds)
                yield return $"merged compound '{merged.Code}' holds {households} households, over the street's limit of {rules.MaxMergedHouseholds}";
        }
        foreach (var missing in compounds.Where(c => !placed.ContainsKey(c.Code)))
            yield return $"compound '{missing.Code}' ({missing.Name}) is in no merged compound";
    }

    public static IEnumerable<string> CheckGridPlan(GridPlan plan, MergePlan merge, IReadOnlyList<CompoundRecord> compounds, GridRules rules)
    {
        var byCode = compounds.ToDictionary(c => c.Code);
        var merged = merge.Compounds.ToDictionary(m => m.Code);
        var graph = new CompoundGraph(compounds, rules);
        foreach (var twice in plan.Grids.GroupBy(g => g.Code).Where(g => g.Count() > 1))
            yield return $"grid code '{twice.Key}' appears {twice.Count()} times";
        foreach (var grid in plan.Grids)
        {
            var households = grid.Parts.Sum(p => p.Households);
            if (households < rules.MinHouseholdsPerGrid || households > rules.MaxHouseholdsPerGrid)
                yield return $"grid '{grid.Code}' covers {households} households, outside the street's {rules.MinHouseholdsPerGrid}–{rules.MaxHouseholdsPerGrid}";
            if (string.IsNullOrWhiteSpace(grid.Worker.Name))
                yield return $"grid '{grid.Code}' has no full-scope grid worker (全科网格员)";
            if (grid.MicroGridLeads.Count == 0)
                yield return $"grid '{grid.Code}' has no micro-grid lead (微网格长)";
            foreach (var part in grid.Parts)
            {
                if (!merged.TryGetValue(part.Compound, out var compound))
                    yield return $"grid '{grid.Code}' covers unknown merged compound '{part.Compound}'";
                else if (compound.Community != grid.Community)
                    yield return $"grid '{grid.Code}' ({grid.Community}) covers '{part.Compound}' of community '{compound.Community}'";
                if (part.Households <= 0)
                    yield return $"grid '{grid.Code}' covers no households of '{part.Compound}'";
            }
            var members = grid.Parts.Where(p => merged.ContainsKey(p.Compound))
                .SelectMany(p => merged[p.Compound].Members).Where(byCode.ContainsKey).Select(m => byCode[m]).ToList();
            if (grid.Parts.Count > 1 && !graph.Connected(members))
                yield return $"grid '{grid.Code}' joins merged compounds that are not neighbours";
        }
        foreach (var compound in merge.Compounds)
        {
            var parts = plan.Grids.SelectMany(g => g.Parts).Where(p => p.Compound == compound.Code).ToList();
            var members = compound.Members.Where(byCode.ContainsKey).Select(m => byCode[m]).ToList();
            var households = members.Sum(m => m.Households);
            var residents = members.Sum(m => m.Residents);
            if (parts.Count == 0)
                yield return $"merged compound '{compound.Code}' ({compound.Name}) is in no grid";
            else if (parts.Sum(p => p.Households) != households || parts.Sum(p => p.Residents) != residents)
                yield return $"merged compound '{compound.Code}': its grids cover {parts.Sum(p => p.Households)} households and {parts.Sum(p => p.Residents)} residents, it holds {households} and {residents}";
        }
    }

    public static IEnumerable<string> CheckStations(StreetProfile profile, IReadOnlyList<StationRecord> stations)
    {
        foreach (var twice in stations.GroupBy(s => s.Code).Where(g => g.Count() > 1))
            yield return $"station code '{twice.Key}' appears {twice.Count()} times";
        foreach (var station in stations)
        {
            if (profile.Communities.All(c => c.Code != station.Community))
                yield return $"station '{station.Code}' names community '{station.Community}', which the street does not have";
            if (station.History is { } history && (history.Reported < 0 || history.Resolved < 0 || history.Resolved > history.Reported))
                yield return $"station '{station.Code}' history says {history.Resolved} resolved of {history.Reported} reported";
        }
    }
}
