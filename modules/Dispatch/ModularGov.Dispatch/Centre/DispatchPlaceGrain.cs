using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class PlaceState
{
    /// <summary>The latest cases opened at this place, newest last: the ones a new report may duplicate.</summary>
    [Id(0)] public List<PlaceCase> RecentCases { get; set; } = [];
}

[GenerateSerializer, Immutable]
internal sealed record PlaceCase([property: Id(0)] string CaseId, [property: Id(1)] DateTimeOffset ReceivedAt);

/// <summary>Where a source's report went (<c>dispatch-source/{sourceKey}</c>): its own case, or an open case it duplicated.</summary>
[GenerateSerializer]
internal sealed class SourceRecord
{
    [Id(0)] public string CaseId { get; set; } = "";
    [Id(1)] public bool Duplicate { get; set; }
}

/// <summary>
/// Intake at one place. A report links to an open case received here within the duplicate window, or opens a new
/// case. Its source key is recorded only once the report is on its case, so a retry after any failure finds either
/// the record or the case again, never a report that went nowhere. It calls cases; no case calls it.
/// </summary>
internal sealed class DispatchPlaceGrain(
    [PersistentState("dispatch-place", GrainStorage.Name)] IPersistentState<PlaceState> state,
    DispatchOptions options,
    WorkingCalendar calendar,
    TimeProvider clock) : Grain, IDispatchPlaceGrain
{
    /// <summary>How many of its latest cases a place remembers; more than ever fall within one duplicate window at one place.</summary>
    public const int RememberedCases = 16;

    private RecordStore<SourceRecord> _sources = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sources = new RecordStore<SourceRecord>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "dispatch-source");
        return Task.CompletedTask;
    }

    public async Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey)
    {
        if (await _sources.ReadAsync(sourceKey) is { } known)
            return Outcome<CaseReceipt>.Ok(new CaseReceipt(known.Value.CaseId, known.Value.Duplicate, Replayed: true));
        var receivedAt = (report.ReceivedAt ?? clock.Now()).ToOffset(ChinaTime.Offset);
        var clean = report with { Description = report.Description.Trim(), Place = report.Place.Trim() };

        foreach (var candidate in state.State.RecentCases.Where(c => (receivedAt - c.ReceivedAt).Duration() <= options.DuplicateWindow).OrderBy(c => c.ReceivedAt))
        {
            if (await GrainFactory.GetGrain<IDispatchCaseGrain>(candidate.CaseId).LinkReportAsync(new LinkedReport(clean.SourceRef, clean.Description, receivedAt)))
            {
                await _sources.WriteAsync(new Stored<SourceRecord>(sourceKey, new SourceRecord { CaseId = candidate.CaseId, Duplicate = true }));
                return Outcome<CaseReceipt>.Ok(new CaseReceipt(candidate.CaseId, Duplicate: true, Replayed: false));
            }
        }

        var urgency = clean.Urgency ?? options.DefaultUrgency(clean.Category);
        var deadline = Deadlines.For(urgency, receivedAt, options, calendar);
        var number = await GrainFactory.GetGrain<ICaseNumbersGrain>(receivedAt.Year.ToString()).NextAsync();
        var id = $"dc{receivedAt.Year}-{number:D5}";
        await GrainFactory.GetGrain<IDispatchCaseGrain>(id).OpenAsync(new CaseOpening(id, clean, urgency, receivedAt, deadline.At, deadline.Provisional));

        state.State.RecentCases.Add(new PlaceCase(id, receivedAt));
        if (state.State.RecentCases.Count > RememberedCases)
            state.State.RecentCases.RemoveAt(0);
        await Task.WhenAll(state.WriteStateAsync(), _sources.WriteAsync(new Stored<SourceRecord>(sourceKey, new SourceRecord { CaseId = id })));
        return Outcome<CaseReceipt>.Ok(new CaseReceipt(id, Duplicate: false, Replayed: false));
    }
}
