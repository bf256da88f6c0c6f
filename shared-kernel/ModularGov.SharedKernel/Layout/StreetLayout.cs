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
    /// <summary>
    /// The street's data/geography.geojson as shipped (WGS-84): a polygon for each grid and a point for each compound,
    /// checked by the Grids module at load; null for a street that ships none, whose grids are not found by coordinates.
    /// </summary>
    public string? Geography { get; init; }

    /// <summary>No ground data at all: for test streets that never reach the layout checks.</summary>
    public static readonly StreetLayout Empty = new([], new MergePlan("", default, [], true), new GridPlan("", default, [], true), [], []);
}
