using Microsoft.Extensions.Options;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Centre;
using Orleans.Hosting;
using Orleans.Storage;

namespace ModularGov.Dispatch.Cases;

/// <summary>
/// One case through 接、判、办、评. Each step checks the case is at the right step, writes the state, re-arms the durable
/// "deadlines" reminder for the next deadline (the case's own, or the current deliberation level's), and publishes the
/// case: its index record, its street's board, the months whose ranking counts the step, its class of case. It calls
/// only grains that never call a case, so no call can wait on itself.
/// </summary>
internal sealed class DispatchCaseGrain(
    [PersistentState("dispatch-case", GrainStorage.Name)] IPersistentState<CaseState> state,
    Units units,
    WorkingCalendar calendar,
    DispatchOptions options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider clock) : Grain, IDispatchCaseGrain, IRemindable
{
    private const string DeadlineReminder = "deadlines";
    public const int MaxText = 2000;
    /// <summary>Duplicates one case takes; past that a report at the same place opens a case of its own.</summary>
    public const int MaxLinkedReports = 500;
    /// <summary>Events one case records; a case that needs more steps than this is refused them, so its record stays small.</summary>
    public const int MaxHistory = 1000;

    private CaseState S => state.State;
    private RecordStore<IndexRecord> _indexStore = null!;
    private Stored<IndexRecord>? _index;
    /// <summary>The instant this activation last armed the deadline reminder for, so a step that leaves it unchanged writes no reminder.</summary>
    private DateTimeOffset? _armedFor;

    /// <summary>
    /// Re-arms the deadline reminder (idempotent), so a crash between storing the case and registering its reminder
    /// still ends overdue on time, and publishes the case again if its index record missed its last change.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _indexStore = CaseIndex.Open(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name));
        if (S.Opening is null)
            return;
        _index = await _indexStore.ReadAsync(S.Opening.Id);
        await ScheduleAsync();
        if (_index?.Value.Version != S.Version)
            await PublishAsync(S.Index(), S.TouchedMonths, S.CountedInClass);
    }

    public Task<CaseView?> GetAsync() => Task.FromResult(S.Opening is null ? null : S.View());

    public async Task OpenAsync(CaseOpening opening)
    {
        if (S.Opening is not null)
            return;
        // A case opened here has no index record yet: nothing to read back.
        _index = new Stored<IndexRecord>(opening.Id, new IndexRecord());
        S.Opening = opening;
        S.Urgency = opening.Urgency;
        S.Deadline = opening.Deadline;
        S.DeadlineProvisional = opening.DeadlineProvisional;
        S.Step = CaseStep.Received;
        S.Record(opening.ReceivedAt, "receive", opening.Case.By, $"{opening.Case.Source}: {opening.Case.SourceRef}");
        // The reminder first: should the write below not happen, it fires on a case that does not exist and goes.
        await ScheduleAsync();
        await CommitAsync();
    }

    public async Task<bool> LinkReportAsync(LinkedReport report)
    {
        if (S.Opening is null || S.Step >= CaseStep.Closed)
            return false;
        if (S.LinkedReports.Any(r => r.SourceRef == report.SourceRef))
            return true;
        if (S.LinkedReports.Count >= MaxLinkedReports || S.History.Count >= MaxHistory)
            return false;
        S.LinkedReports.Add(report);
        S.Record(report.At, "link-duplicate", new Actor("事件接收组 (intake)", "system", "district", ""), report.SourceRef);
        S.Version++;
        await state.WriteStateAsync();
        await SignalAsync();
        return true;
    }

    public async Task<CaseView?> RecountDeadlineAsync()
    {
        if (S.Opening is null || !S.DeadlineProvisional || S.Step >= CaseStep.Closed)
            return S.Opening is null ? null : S.View();
        var recounted = Deadlines.For(S.Urgency, S.Opening.ReceivedAt, options, calendar);
        var before = S.Deadline;
        S.Deadline = recounted.At;
        S.DeadlineProvisional = recounted.Provisional;
        S.Record(clock.Now(), "deadline-recounted", Reminder, $"{before:yyyy-MM-dd HH:mm} → {recounted.At:yyyy-MM-dd HH:mm}{(recounted.Provisional ? " (仍为暂定 still provisional)" : "")}");
        await CommitAsync();
        return S.View();
    }

    public Task<Outcome<CaseView>> VerifyAsync(string findings, string cause, Actor by) =>
        StepAsync(by, "verify", $"{cause}: {findings}", s => s.Step == CaseStep.Received,
            () => Text("findings", findings) ?? Text("cause", cause),
            now =>
            {
                S.Verification = new Verification(findings.Trim(), cause.Trim(), by.Label, now);
                S.Step = CaseStep.Verified;
                S.DeliberationDue = Deadlines.Deliberation(S.Level, now, options, calendar);
            });

    public Task<Outcome<CaseView>> DeliberateAsync(string lead, IReadOnlyList<string> assisting, Urgency? urgency, Actor by) =>
        StepAsync(by, "deliberate", $"主办 {units.NameOf(lead)}; 协办 {string.Join("、", assisting.Select(units.NameOf))}", s => s.Step == CaseStep.Verified,
            () => CheckUnits(lead, assisting),
            now =>
            {
                S.Lead = lead;
                S.AssistingUnits = assisting.Distinct().ToList();
                S.AssignedAt = now;
                S.DeliberationDue = null;
                S.Step = CaseStep.Assigned;
                if (urgency is { } changed && changed != S.Urgency)
                {
                    var deadline = Deadlines.For(changed, S.Opening!.ReceivedAt, options, calendar);
                    S.Urgency = changed;
                    S.Deadline = deadline.At;
                    S.DeadlineProvisional = deadline.Provisional;
                }
            });

    public Task<Outcome<CaseView>> ReferUpAsync(string reason, Actor by) =>
        S.Level == DeliberationLevel.Conveners && S.Step == CaseStep.Verified
            ? Task.FromResult(Outcome<CaseView>.Refuse(Refusal.Conflict, "the conveners (总召集人) are the last level: they must decide"))
            : StepAsync(by, "refer-up", reason, s => s.Step == CaseStep.Verified, () => Text("reason", reason),
                now => RaiseLevel(now));

    public Task<Outcome<CaseView>> AppealAsync(string unit, string reasons, Actor by)
    {
        if (S.Appeals.Any(a => a.Unit == unit))
            return Task.FromResult(Outcome<CaseView>.Refuse(Refusal.Conflict, $"{units.NameOf(unit)} has already appealed this case; a unit appeals once"));
        return StepAsync(by, "appeal", $"{units.NameOf(unit)}: {reasons}", s => s.Step is CaseStep.Assigned or CaseStep.Handling,
            () => Assigned(unit) ? Text("reasons", reasons) : $"unit '{unit}' is not assigned to this case",
            now => S.Appeals.Add(new CaseAppeal(unit, reasons.Trim(), NextLevel(S.Level), now, null, null)));
    }

    public Task<Outcome<CaseView>> DecideAppealAsync(string unit, bool upheld, string? newLead, string decision, Actor by)
    {
        var index = S.Appeals.FindIndex(a => a.Unit == unit && a.Upheld is null);
        if (index < 0)
            return Task.FromResult(Outcome<CaseView>.Refuse(Refusal.NotFound, $"no pending appeal by '{unit}' on this case"));
        var wasLead = S.Lead == unit;
        return StepAsync(by, upheld ? "appeal-upheld" : "appeal-rejected", $"{units.NameOf(unit)}: {decision}", s => s.Step is CaseStep.Assigned or CaseStep.Handling,
            () => Text("decision", decision) ?? (upheld && wasLead
                ? newLead is null || newLead == unit ? "an upheld appeal by the lead unit needs a different new lead unit" : CheckUnits(newLead, [])
                : null),
            now =>
            {
                S.Appeals[index] = S.Appeals[index] with { Upheld = upheld, Decision = decision.Trim() };
                S.Level = S.Appeals[index].DecidedAt;
                if (!upheld)
                    return;
                if (wasLead)
                {
                    S.Lead = newLead;
                    S.AssistingUnits.Remove(newLead!);
                    S.AssignedAt = now;
                    S.LeadRespondedAt = null;
                }
                else
                {
                    S.AssistingUnits.Remove(unit);
                }
            });
    }

    public Task<Outcome<CaseView>> ReportProgressAsync(string unit, string note, Actor by) =>
        StepAsync(by, "progress", $"{units.NameOf(unit)}: {note}", s => s.Step is CaseStep.Assigned or CaseStep.Handling,
            () => Assigned(unit) ? Text("note", note) : $"unit '{unit}' is not assigned to this case",
            now =>
            {
                S.Step = CaseStep.Handling;
                if (unit == S.Lead && S.LeadRespondedAt is null)
                    S.LeadRespondedAt = now;
            });

    public Task<Outcome<CaseView>> CoordinateAsync(IReadOnlyList<string> called, string note, Actor by) =>
        StepAsync(by, "coordinate", $"召集 {string.Join("、", called.Select(units.NameOf))}: {note}", s => s.Step is CaseStep.Assigned or CaseStep.Handling,
            () => called.Count == 0 ? "name the units called together" : units.Unknown(called) is { Count: > 0 } unknown ? $"unknown units: {string.Join(", ", unknown)}" : Text("note", note),
            _ => { });

    public Task<Outcome<CaseView>> ConfirmClosureAsync(string note, Actor by) =>
        StepAsync(by, "confirm-closure", note, s => s.Step == CaseStep.Handling, () => Text("note", note),
            now =>
            {
                S.Step = CaseStep.Closed;
                S.ClosedAt = now;
                S.OnTime = now <= S.Deadline;
                S.TimelinessScore = Deadlines.TimelinessScore(S.Deadline, now, calendar);
            });

    public Task<Outcome<CaseView>> EvaluateAsync(int satisfaction, string? note, Actor by) =>
        StepAsync(by, "evaluate", $"满意度 {satisfaction}/5{(note is null ? "" : ": " + note)}", s => s.Step == CaseStep.Closed,
            () => satisfaction is < 1 or > 5 ? "satisfaction is a rating from 1 to 5" : note is not null && note.Length > MaxText ? $"note is over {MaxText} characters" : null,
            now =>
            {
                S.Step = CaseStep.Evaluated;
                S.Satisfaction = satisfaction;
                S.EvaluatedAt = now;
            });

    public async Task<CaseView?> CheckDeadlinesAsync()
    {
        if (S.Opening is null)
            return null;
        var now = clock.Now();
        var centre = Reminder;
        var changed = false;
        if (S.Step == CaseStep.Verified && S.DeliberationDue is { } due && now >= due && S.Level < DeliberationLevel.Conveners)
        {
            S.Record(now, "deliberation-overdue", centre, $"{S.Level} did not decide by {due:yyyy-MM-dd HH:mm}");
            RaiseLevel(now);
            changed = true;
        }
        if (!S.Overdue && S.Step < CaseStep.Closed && now >= S.Deadline)
        {
            S.Overdue = true;
            S.Record(now, "overdue", centre, $"deadline {S.Deadline:yyyy-MM-dd HH:mm} passed");
            if (S.Step != CaseStep.Verified && S.Level < DeliberationLevel.Conveners)
                RaiseLevel(now);
            changed = true;
        }
        if (changed)
            await CommitAsync();
        return S.View();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Opening is null)
        {
            if (await this.GetReminder(DeadlineReminder) is { } orphan)
                await this.UnregisterReminder(orphan);
            return;
        }
        await CheckDeadlinesAsync();
    }

    private static readonly Actor Reminder = new("调度中心提醒 (deadline reminder)", "system", "district", "");

    private void RaiseLevel(DateTimeOffset now)
    {
        S.Level = NextLevel(S.Level);
        if (S.Step == CaseStep.Verified)
            S.DeliberationDue = Deadlines.Deliberation(S.Level, now, options, calendar);
    }

    private static DeliberationLevel NextLevel(DeliberationLevel level) => level == DeliberationLevel.Conveners ? level : level + 1;

    private bool Assigned(string unit) => S.Lead == unit || S.AssistingUnits.Contains(unit);

    private string? CheckUnits(string lead, IReadOnlyList<string> assisting)
    {
        var unknown = units.Unknown(assisting.Prepend(lead));
        if (unknown.Count > 0)
            return $"unknown units: {string.Join(", ", unknown)}";
        return assisting.Contains(lead) ? "the lead unit cannot also assist" : null;
    }

    private static string? Text(string field, string? value) => TextRules.Check(field, value, MaxText);

    private async Task<Outcome<CaseView>> StepAsync(Actor by, string action, string? note, Func<CaseState, bool> allowed, Func<string?> invalid, Action<DateTimeOffset> apply)
    {
        if (S.Opening is null)
            return Outcome<CaseView>.Refuse(Refusal.NotFound, $"case '{this.GetPrimaryKeyString()}' does not exist");
        if (!allowed(S))
            return Outcome<CaseView>.Refuse(Refusal.Conflict, $"cannot {action} case {S.Opening.Id}: it is at step {S.Step}");
        if (invalid() is { } problem)
            return Outcome<CaseView>.Refuse(Refusal.Invalid, problem);
        if (S.History.Count >= MaxHistory)
            return Outcome<CaseView>.Refuse(Refusal.Conflict, $"case {S.Opening.Id} has recorded {MaxHistory} events, the most one case keeps");
        var now = clock.Now();
        apply(now);
        S.Record(now, action, by, note);
        await CommitAsync();
        return Outcome<CaseView>.Ok(S.View());
    }

    /// <summary>Writes the change, re-arms the reminder and publishes the case; the months and class it newly reaches are noted in the same write.</summary>
    private async Task CommitAsync()
    {
        var entry = S.Index();
        var newMonths = MonthsCounted(entry).Except(S.TouchedMonths).ToList();
        var newInClass = entry.Cause is not null && !S.CountedInClass;
        S.TouchedMonths.AddRange(newMonths);
        S.CountedInClass |= newInClass;
        S.Version++;
        await state.WriteStateAsync();
        await ScheduleAsync();
        await PublishAsync(entry, newMonths, newInClass);
        await SignalAsync();
    }

    /// <summary>Tells the pages open on the case, the board and the units concerned (an appealing unit too, even once relieved).</summary>
    private Task SignalAsync() =>
        CaseSignals.PublishAsync(GrainFactory, S.Opening!.Id, S.AssistingUnits.Concat(S.Appeals.Select(a => a.Unit)).Concat(S.Lead is null ? [] : [S.Lead]));

    /// <summary>The months whose ranking counts one of the case's steps: when it was assigned, closed and rated.</summary>
    private static IEnumerable<string> MonthsCounted(CaseIndexEntry entry) =>
        new[] { entry.AssignedAt, entry.ClosedAt, entry.EvaluatedAt }.OfType<DateTimeOffset>().Select(Months.Of).Distinct();

    /// <summary>The index record, the street's board, and the months and class given (each call idempotent).</summary>
    private async Task PublishAsync(CaseIndexEntry entry, IReadOnlyCollection<string> months, bool countInClass)
    {
        var index = _index ??= await _indexStore.ReadAsync(entry.Id) ?? new Stored<IndexRecord>(entry.Id, new IndexRecord());
        index.Value.Entry = entry;
        index.Value.Version = S.Version;
        var board = GrainFactory.GetGrain<IDispatchBoardGrain>(entry.Street).PublishAsync(entry, S.BoardPosition);
        await Task.WhenAll(
            _indexStore.WriteAsync(index),
            board,
            Task.WhenAll(months.Select(m => GrainFactory.GetGrain<IDispatchMonthGrain>(m).TouchAsync(entry.Id))),
            countInClass ? GrainFactory.GetGrain<IDispatchClassesGrain>(IDispatchClassesGrain.Key).ReportAsync(entry) : Task.CompletedTask);
        if (S.BoardPosition is null)
        {
            S.BoardPosition = await board;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Arms the reminder for the next deadline still ahead, or removes it when none is left.</summary>
    private async Task ScheduleAsync()
    {
        var next = new[] { S.Step < CaseStep.Closed && !S.Overdue ? S.Deadline : (DateTimeOffset?)null, S.Step == CaseStep.Verified ? S.DeliberationDue : null }
            .Where(d => d is not null).Min();
        if (next is null)
        {
            if (await this.GetReminder(DeadlineReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            _armedFor = null;
            return;
        }
        if (next == _armedFor)
            return;
        var due = next.Value - clock.Now();
        await this.RegisterOrUpdateReminder(DeadlineReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, reminderOptions.Value.MinimumReminderPeriod);
        _armedFor = next;
    }
}
