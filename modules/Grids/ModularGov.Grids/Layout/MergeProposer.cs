using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Grids.Layout;

/// <summary>
/// Proposes a merge plan: a compound smaller than the street's threshold is merged with a neighbour (one sharing
/// a facility first, then the nearest, then the smallest), as long as the merged compound stays within the
/// street's size limit; repeated, smallest first, until no small compound has a neighbour left to join.
/// </summary>
internal static class MergeProposer
{
    private sealed class Group(CompoundRecord first)
    {
        public List<CompoundRecord> Members { get; } = [first];
        public int Households => Members.Sum(m => m.Households);
        public string FirstCode => Members.Select(m => m.Code).Min(StringComparer.Ordinal)!;
        public string Community => Members[0].Community;
        public GeoPoint Centre => new(Members.Average(m => m.Location.X), Members.Average(m => m.Location.Y));
    }

    public static IReadOnlyList<IReadOnlyList<string>> Propose(IReadOnlyList<CompoundRecord> compounds, GridRules rules)
    {
        var graph = new CompoundGraph(compounds, rules);
        var groups = compounds.Select(c => new Group(c)).ToList();
        while (true)
        {
            var small = groups
                .Where(g => g.Households < rules.MergeBelowHouseholds)
                .OrderBy(g => g.Households).ThenBy(g => g.FirstCode, StringComparer.Ordinal)
                .Select(g => (Group: g, Neighbours: Neighbours(g, groups, graph, rules)))
                .FirstOrDefault(x => x.Neighbours.Count > 0);
            if (small.Group is null)
                break;
            var partner = small.Neighbours
                .OrderByDescending(n => n.Members.Any(a => small.Group.Members.Any(b => CompoundGraph.ShareFacility(a, b))))
                .ThenBy(n => n.Centre.DistanceTo(small.Group.Centre))
                .ThenBy(n => n.Households)
                .ThenBy(n => n.FirstCode, StringComparer.Ordinal)
                .First();
            partner.Members.AddRange(small.Group.Members);
            groups.Remove(small.Group);
        }
        return groups
            .OrderBy(g => g.FirstCode, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)g.Members.Select(m => m.Code).Order(StringComparer.Ordinal).ToList())
            .ToList();
    }

    private static List<Group> Neighbours(Group group, List<Group> groups, CompoundGraph graph, GridRules rules) =>
        groups.Where(other => other != group
                && other.Community == group.Community
                && other.Households + group.Households <= rules.MaxMergedHouseholds
                && other.Members.Any(a => group.Members.Any(b => graph.Linked(a, b))))
            .ToList();
}
