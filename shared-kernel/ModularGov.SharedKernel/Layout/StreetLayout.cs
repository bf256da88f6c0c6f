namespace ModularGov.SharedKernel.Layout;

/// <summary>
/// What a street ships about its ground: original compounds, the approved merge and grid plans, the approved
/// property tiers (compounds without a decision are untiered) and its stations.
/// </summary>
public sealed record StreetLayout(
    IReadOnlyList<CompoundRecord> Compounds,
    MergePlan MergePlan,
    GridPlan GridPlan,
    IReadOnlyList<TierDecision> Tiers,
    IReadOnlyList<StationRecord> Stations)
{
    /// <summary>No ground data at all: for test streets that never reach the layout checks.</summary>
    public static readonly StreetLayout Empty = new([], new MergePlan("", default, [], true), new GridPlan("", default, [], true), [], []);
}
