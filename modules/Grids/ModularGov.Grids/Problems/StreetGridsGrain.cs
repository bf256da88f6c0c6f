using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Grids.Problems;

/// <summary>
/// Sums a street's grid counters. Not persisted: on activation it asks every grid (those calls interleave with a
/// grid that is reporting to it), then keeps the newest report of each grid by its version number.
/// </summary>
internal sealed class StreetGridsGrain(GridDirectory grids) : Grain, IStreetGridsGrain
{
    private readonly Dictionary<string, GridCounters> _counters = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var street = grids.Grids(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"street '{this.GetPrimaryKeyString()}' is not served");
        var reports = await Task.WhenAll(street.Keys.Select(async id => (id, await GrainFactory.GetGrain<IGridGrain>(id).GetCountersAsync())));
        foreach (var (id, counters) in reports)
            Keep(id, counters);
    }

    /// <summary>Keeps a grid's new counters and tells the pages open on the street and on the grid (one-way).</summary>
    public async Task ReportAsync(string gridId, GridCounters counters)
    {
        Keep(gridId, counters);
        await GrainFactory.PublishLiveAsync(LiveTopics.Street(this.GetPrimaryKeyString()), "grid", gridId);
        await GrainFactory.PublishLiveAsync(LiveTopics.Grid(gridId), "grid", gridId);
    }

    private void Keep(string gridId, GridCounters counters)
    {
        if (!_counters.TryGetValue(gridId, out var known) || known.Version <= counters.Version)
            _counters[gridId] = counters;
    }

    public Task<StreetProblemTotals> GetTotalsAsync()
    {
        var byStation = new Dictionary<string, StationCounts>();
        foreach (var (station, counts) in _counters.Values.SelectMany(c => c.Stations))
            byStation[station] = byStation.TryGetValue(station, out var sum) ? sum.Plus(counts) : counts;
        var total = _counters.Values.Aggregate(ProblemCounts.Zero, (sum, c) => sum.Plus(c.Problems));
        var monthly = new Dictionary<string, int>();
        foreach (var (key, count) in _counters.Values.SelectMany(c => c.MonthlyFilings ?? new Dictionary<string, int>()))
            monthly[key] = monthly.GetValueOrDefault(key) + count;
        return Task.FromResult(new StreetProblemTotals(total, _counters.ToDictionary(c => c.Key, c => c.Value.Problems), byStation,
            monthly, _counters.Values.Sum(c => c.UncountedFilingCount)));
    }
}
