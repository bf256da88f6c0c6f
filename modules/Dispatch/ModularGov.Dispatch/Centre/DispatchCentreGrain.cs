using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class CentreState
{
    [Id(0)] public Dictionary<int, int> LastNumberByYear { get; set; } = [];
    [Id(1)] public Dictionary<string, CaseIndexEntry> Cases { get; set; } = [];
    /// <summary>Every source key seen (escalation, hotline record, direct report) and the case it went to.</summary>
    [Id(2)] public Dictionary<string, SourceRecord> SourceKeys { get; set; } = [];
    [Id(3)] public List<ClassPrompt> Prompts { get; set; } = [];
    [Id(4)] public List<Sanction> Sanctions { get; set; } = [];
    [Id(5)] public HashSet<string> ClosedMonths { get; set; } = [];
}

/// <summary>Where a source's report went: its own case, or an open case it duplicated.</summary>
[GenerateSerializer, Immutable]
internal sealed record SourceRecord([property: Id(0)] string CaseId, [property: Id(1)] bool Duplicate);

/// <summary>The centre's own records: intake and duplicates, the board, classes of case, rankings and sanctions.</summary>
internal sealed class DispatchCentreGrain(
    [PersistentState("dispatch-centre", GrainStorage.Name)] IPersistentState<CentreState> state,
    IntakeRules intake,
    Units units,
    WorkingCalendar calendar,
    DispatchOptions options,
    TimeProvider clock) : Grain, IDispatchCentreGrain
{
    private CentreState S => state.State;

    public async Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey)
    {
        if (S.SourceKeys.TryGetValue(sourceKey, out var known))
        {
            if (!known.Duplicate)
                await OpenIfNeededAsync(known.CaseId, report);
            return Outcome<CaseReceipt>.Ok(new CaseReceipt(known.CaseId, known.Duplicate, Replayed: true));
        }
        if (intake.Check(report) is { } invalid)
            return Outcome<CaseReceipt>.Refuse(Refusal.Invalid, invalid);

        var receivedAt = (report.ReceivedAt ?? clock.Now()).ToOffset(ChinaTime.Offset);
        if (FindDuplicate(report, receivedAt) is { } primary)
        {
            S.SourceKeys[sourceKey] = new SourceRecord(primary.Id, Duplicate: true);
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IDispatchCaseGrain>(primary.Id).LinkReportAsync(new LinkedReport(report.SourceRef, report.Description.Trim(), receivedAt));
            return Outcome<CaseReceipt>.Ok(new CaseReceipt(primary.Id, Duplicate: true, Replayed: false));
        }

        var urgency = report.Urgency ?? options.DefaultUrgency(report.Category);
        DateTimeOffset deadline;
        try
        {
            deadline = Deadlines.For(urgency, receivedAt, options, calendar);
        }
        catch (CalendarYearMissingException e)
        {
            return Outcome<CaseReceipt>.Refuse(Refusal.Invalid, e.Message);
        }
        var year = receivedAt.Year;
        var number = S.LastNumberByYear.GetValueOrDefault(year) + 1;
        var id = $"dc{year}-{number:D5}";
        var clean = report with { Description = report.Description.Trim(), Place = report.Place.Trim() };
        S.LastNumberByYear[year] = number;
        S.SourceKeys[sourceKey] = new SourceRecord(id, Duplicate: false);
        S.Cases[id] = new CaseIndexEntry(id, clean.Street, clean.Community, clean.Category, clean.Place, clean.Compound, null, CaseStep.Received,
            receivedAt, deadline, false, null, [], null, null, null, null, null, null, clean.Description);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDispatchCaseGrain>(id).OpenAsync(new CaseOpening(id, clean, urgency, receivedAt, deadline));
        return Outcome<CaseReceipt>.Ok(new CaseReceipt(id, Duplicate: false, Replayed: false));
    }

    /// <summary>A replayed report heals a case whose opening was interrupted after the centre recorded it (opening is idempotent).</summary>
    private async Task OpenIfNeededAsync(string caseId, NewCase report)
    {
        var entry = S.Cases[caseId];
        var urgency = report.Urgency ?? options.DefaultUrgency(report.Category);
        await GrainFactory.GetGrain<IDispatchCaseGrain>(caseId).OpenAsync(new CaseOpening(caseId,
            report with { Description = report.Description.Trim(), Place = report.Place.Trim() }, urgency, entry.ReceivedAt, entry.Deadline));
    }

    private CaseIndexEntry? FindDuplicate(NewCase report, DateTimeOffset receivedAt)
    {
        var place = IntakeRules.PlaceKey(report.Compound, report.Place);
        return S.Cases.Values
            .Where(c => c.Step < CaseStep.Closed && c.Street == report.Street && c.Community == report.Community && c.Category == report.Category
                && IntakeRules.PlaceKey(c.Compound, c.Place) == place && (receivedAt - c.ReceivedAt).Duration() <= options.DuplicateWindow)
            .OrderBy(c => c.ReceivedAt)
            .FirstOrDefault();
    }

    public async Task UpdateAsync(CaseIndexEntry entry)
    {
        S.Cases[entry.Id] = entry;
        PromptClassIfRepeating(entry);
        await state.WriteStateAsync();
    }

    /// <summary>从一件事到一类事: the same category, place and cause coming back often enough prompts a standing fix.</summary>
    private void PromptClassIfRepeating(CaseIndexEntry entry)
    {
        if (entry.Cause is null)
            return;
        var key = ClassKey(entry);
        if (S.Prompts.Any(p => p.Key == key && p.StandingFix is null))
            return;
        var window = TimeSpan.FromDays(options.ClassWindowDays);
        var members = S.Cases.Values.Where(c => c.Cause is not null && ClassKey(c) == key && (entry.ReceivedAt - c.ReceivedAt).Duration() <= window)
            .Select(c => c.Id).Order().ToList();
        if (members.Count < options.ClassRepeatCases)
            return;
        S.Prompts.Add(new ClassPrompt($"cl{S.Prompts.Count + 1:D4}", key, entry.Category, $"{entry.Street}.{entry.Community} {IntakeRules.PlaceKey(entry.Compound, entry.Place)}",
            entry.Cause, members, clock.Now(), null, null, null));
    }

    private static string ClassKey(CaseIndexEntry c) =>
        $"{c.Category}|{c.Street}.{c.Community}|{IntakeRules.PlaceKey(c.Compound, c.Place)}|{c.Cause!.Trim().ToLowerInvariant()}";

    public Task<IReadOnlyList<CaseIndexEntry>> GetBoardAsync() =>
        Task.FromResult<IReadOnlyList<CaseIndexEntry>>(S.Cases.Values.OrderBy(c => c.Deadline).ToList());

    public Task<Outcome<MonthlyRanking>> GetRankingAsync(string month) =>
        Task.FromResult(Months.TryParse(month, out var start, out var end)
            ? Outcome<MonthlyRanking>.Ok(Ranking.Compute(month, start, end, S.Cases.Values, units, options, calendar, S.ClosedMonths.Contains(month)))
            : Outcome<MonthlyRanking>.Refuse(Refusal.Invalid, $"month '{month}' must be written yyyy-MM"));

    public async Task<Outcome<IReadOnlyList<Sanction>>> CloseMonthAsync(string month, Actor by)
    {
        if (!Months.TryParse(month, out var start, out var end))
            return Outcome<IReadOnlyList<Sanction>>.Refuse(Refusal.Invalid, $"month '{month}' must be written yyyy-MM");
        if (S.ClosedMonths.Contains(month))
            return Outcome<IReadOnlyList<Sanction>>.Ok(S.Sanctions.Where(s => s.Month == month).ToList());
        if (clock.Now() < end)
            return Outcome<IReadOnlyList<Sanction>>.Refuse(Refusal.Conflict, $"month {month} has not ended yet");

        var ranking = Ranking.Compute(month, start, end, S.Cases.Values, units, options, calendar, closed: true);
        var sanctions = SanctionLadder.ForMonth(ranking, S.Sanctions, options.BottomUnits, by, clock.Now());
        S.Sanctions.AddRange(sanctions);
        S.ClosedMonths.Add(month);
        await state.WriteStateAsync();
        return Outcome<IReadOnlyList<Sanction>>.Ok(sanctions);
    }

    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(int? year) =>
        Task.FromResult<IReadOnlyList<Sanction>>(S.Sanctions.Where(s => year is null || s.Month.StartsWith($"{year}-", StringComparison.Ordinal)).ToList());

    public Task<IReadOnlyList<ClassPrompt>> GetClassPromptsAsync() => Task.FromResult<IReadOnlyList<ClassPrompt>>(S.Prompts.ToList());

    public async Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by)
    {
        var index = S.Prompts.FindIndex(p => p.Id == promptId);
        if (index < 0)
            return Outcome<ClassPrompt>.Refuse(Refusal.NotFound, $"class prompt '{promptId}' does not exist");
        if (string.IsNullOrWhiteSpace(measure) || measure.Length > DispatchCaseGrain.MaxText)
            return Outcome<ClassPrompt>.Refuse(Refusal.Invalid, $"measure is required: 1–{DispatchCaseGrain.MaxText} characters");
        if (units.Find(owner) is null)
            return Outcome<ClassPrompt>.Refuse(Refusal.Invalid, $"unknown unit '{owner}'");
        if (S.Prompts[index].StandingFix is not null)
            return Outcome<ClassPrompt>.Refuse(Refusal.Conflict, $"class prompt '{promptId}' already has a standing fix");
        S.Prompts[index] = S.Prompts[index] with { StandingFix = measure.Trim(), FixOwner = owner, FixedBy = by };
        await state.WriteStateAsync();
        return Outcome<ClassPrompt>.Ok(S.Prompts[index]);
    }
}
