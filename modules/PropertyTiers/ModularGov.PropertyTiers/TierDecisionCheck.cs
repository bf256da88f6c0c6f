using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers;

/// <summary>What a street ships as approved tier decisions must name its own merged compounds, once each, with who and why.</summary>
internal static class TierDecisionCheck
{
    public static IReadOnlyList<string> Check(StreetLayout layout)
    {
        var problems = new List<string>();
        var compounds = layout.MergePlan.Compounds.Select(c => c.Code).ToHashSet();
        foreach (var twice in layout.Tiers.GroupBy(t => t.Compound).Where(g => g.Count() > 1))
            problems.Add($"tier decision for '{twice.Key}' appears {twice.Count()} times");
        foreach (var decision in layout.Tiers)
        {
            if (!compounds.Contains(decision.Compound))
                problems.Add($"tier decision names '{decision.Compound}', which is not a merged compound");
            if (decision.Tier == PropertyTier.Untiered)
                problems.Add($"tier decision for '{decision.Compound}' says untiered: leave an untiered compound out instead");
            if (decision.Tier == PropertyTier.Market && string.IsNullOrWhiteSpace(decision.Company))
                problems.Add($"market tier decision for '{decision.Compound}' has no company");
            if (string.IsNullOrWhiteSpace(decision.Reason) || string.IsNullOrWhiteSpace(decision.ApprovedBy))
                problems.Add($"tier decision for '{decision.Compound}' lacks its reason or who approved it");
        }
        return problems;
    }
}
