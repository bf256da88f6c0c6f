using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class MonthState
{
    [Id(0)] public int CaseCount { get; set; }
    [Id(1)] public bool Closed { get; set; }
    [Id(2)] public List<Sanction> Sanctions { get; set; } = [];
}

/// <summary>
/// One month's 评 and 用: the ids of the cases with a step in the month (in pages), the ranking computed from their index
/// records, and the sanctions of closing it. Its reads and writes grow with the month's cases, not with all cases ever.
/// </summary>
internal sealed class DispatchMonthGrain(
    [PersistentState("dispatch-month", GrainStorage.Name)] IPersistentState<MonthState> state,
    Units units,
    WorkingCalendar calendar,
    DispatchOptions options,
    TimeProvider clock) : Grain, IDispatchMonthGrain
{
    private PagedList<string> _cases = null!;
    private RecordStore<IndexRecord> _index = null!;
    private string _month = "";
    private DateTimeOffset _start, _end;

    private MonthState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _month = this.GetPrimaryKeyString();
        if (!Months.TryParse(_month, out _start, out _end))
            throw new InvalidOperationException($"'{_month}' is not a month written yyyy-MM");
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _cases = new PagedList<string>(storage, "dispatch-month-cases", _month);
        _index = CaseIndex.Open(storage);
        return Task.CompletedTask;
    }

    public async Task TouchAsync(string caseId)
    {
        await _cases.AppendAsync(S.CaseCount, caseId);
        S.CaseCount++;
        await state.WriteStateAsync();
    }

    public async Task<Outcome<MonthlyRanking>> GetRankingAsync() => Outcome<MonthlyRanking>.Ok(await RankAsync(S.Closed));

    public async Task<Outcome<IReadOnlyList<Sanction>>> CloseAsync(Actor by)
    {
        if (S.Closed)
            return Outcome<IReadOnlyList<Sanction>>.Ok(S.Sanctions.ToList());
        if (clock.Now() < _end)
            return Outcome<IReadOnlyList<Sanction>>.Refuse(Refusal.Conflict, $"month {_month} has not ended yet");
        var ranking = await RankAsync(closed: true);
        var earlier = await EarlierSanctionsThisYearAsync();
        S.Sanctions = SanctionLadder.ForMonth(ranking, earlier, options.BottomUnits, by, clock.Now());
        S.Closed = true;
        await state.WriteStateAsync();
        return Outcome<IReadOnlyList<Sanction>>.Ok(S.Sanctions.ToList());
    }

    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync() => Task.FromResult<IReadOnlyList<Sanction>>(S.Sanctions.ToList());

    private async Task<MonthlyRanking> RankAsync(bool closed)
    {
        var ids = (await _cases.ReadAsync(0, S.CaseCount, S.CaseCount)).Distinct().ToList();
        var entries = new List<CaseIndexEntry>(ids.Count);
        foreach (var chunk in ids.Chunk(64))
            entries.AddRange((await Task.WhenAll(chunk.Select(_index.ReadAsync))).Select(r => r?.Value.Entry).OfType<CaseIndexEntry>());
        return Ranking.Compute(_month, _start, _end, entries, units, options, calendar, closed);
    }

    /// <summary>The sanctions of the months of the same year before this one: the ladder counts a unit's bottom places in a year.</summary>
    private async Task<IReadOnlyList<Sanction>> EarlierSanctionsThisYearAsync()
    {
        var earlier = Enumerable.Range(1, _start.Month - 1).Select(m => $"{_start.Year}-{m:D2}");
        var sanctions = await Task.WhenAll(earlier.Select(m => GrainFactory.GetGrain<IDispatchMonthGrain>(m).GetSanctionsAsync()));
        return sanctions.SelectMany(s => s).ToList();
    }
}
