using Orleans.Concurrency;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// A street's live problem counts, summed from its grid grains (keyed by street code). It asks every grid
/// once when it activates, then each grid reports its new counters after every change, so a summary
/// reflects a filed problem at once without re-reading storage.
/// </summary>
[Alias("ModularGov.Grids.IStreetGridsGrain")]
public interface IStreetGridsGrain : IGrainWithStringKey
{
    [Alias("Report")]
    Task ReportAsync(string gridId, GridCounters counters);

    [Alias("Totals"), ReadOnly]
    Task<StreetProblemTotals> GetTotalsAsync();
}

/// <summary>
/// A street's problems by status, per grid and per station; filed per month and category (<c>yyyy-MM/category</c>), and how many
/// its grids filed before they counted by month.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreetProblemTotals(
    [property: Id(0)] ProblemCounts Problems,
    [property: Id(1)] IReadOnlyDictionary<string, ProblemCounts> ByGrid,
    [property: Id(2)] IReadOnlyDictionary<string, StationCounts> ByStation,
    [property: Id(3)] IReadOnlyDictionary<string, int>? MonthlyFilings = null,
    [property: Id(4)] int UncountedFilingCount = 0);
