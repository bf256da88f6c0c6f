using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties;

/// <summary>What a street ships for its duties must hold together: items bound to real posts, plaques in real communities, at most 3 signs and 2 markers hanging.</summary>
internal static class DutyDataCheck
{
    public static IReadOnlyList<string> Check(IStreet street)
    {
        var duties = street.Duties;
        var problems = new List<string>();
        if (duties.List.Items.Count == 0)
            problems.Add("the street ships no duty list (权责清单)");
        foreach (var twice in duties.List.Items.GroupBy(i => i.Code).Where(g => g.Count() > 1))
            problems.Add($"duty item '{twice.Key}' appears {twice.Count()} times");
        foreach (var item in duties.List.Items.Where(i => duties.List.Posts.All(p => p.Code != i.Post)))
            problems.Add($"duty item '{item.Code}' is bound to post '{item.Post}', which is not in the post catalogue");
        var communities = street.Profile.Communities.Select(c => c.Code).ToHashSet();
        foreach (var plaque in duties.Plaques.Where(p => !communities.Contains(p.Community)))
            problems.Add($"plaque '{plaque.Code}' names community '{plaque.Community}', which the street does not have");
        foreach (var community in duties.Plaques.Where(p => p.RemovedOn is null).GroupBy(p => p.Community))
        {
            if (community.Count(p => p.Kind == PlaqueKind.Sign) > 3 || community.Count(p => p.Kind == PlaqueKind.Marker) > 2)
                problems.Add($"community '{community.Key}' still carries more than 3 signs and 2 markers");
        }
        return problems;
    }
}
