using Autofac;
using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Burden;

[GenerateSerializer]
internal sealed class LedgerState
{
    [Id(0)] public List<Meeting> Meetings { get; set; } = [];
    [Id(1)] public List<Inspection> Inspections { get; set; } = [];
    [Id(2)] public List<FormSubmission> Forms { get; set; } = [];
}

/// <summary>文会督检考: a community's meetings (within the street's frequency rule), inspections, and forms reported once a period.</summary>
internal sealed class BurdenLedgerGrain(
    [PersistentState("burden-ledger", GrainStorage.Name)] IPersistentState<LedgerState> state,
    IStreetDirectory streets,
    Indicators indicators,
    TimeProvider clock) : Grain, IBurdenLedgerGrain
{
    /// <summary>The report's "after" covers the last eight weeks.</summary>
    public const int ReportWeeks = 8;
    private IStreet _street = null!;
    private string _community = "";

    private LedgerState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (street, community) = CommunityKeys.Find(streets, this.GetPrimaryKeyString());
        _street = street ?? throw new InvalidOperationException($"community '{this.GetPrimaryKeyString()}' is not served");
        _community = community ?? throw new InvalidOperationException($"community '{this.GetPrimaryKeyString()}' is not served");
        return Task.CompletedTask;
    }

    public async Task<Outcome<Meeting>> RecordMeetingAsync(DateOnly date, string title, string convenedBy, bool online, Actor by)
    {
        if ((Text(title) ?? Text(convenedBy) ?? Recent(date)) is { } invalid)
            return Outcome<Meeting>.Refuse(Refusal.Invalid, invalid);
        var rule = _street.Services.ResolveOptional<MeetingRule>() ?? MeetingRule.Default;
        var near = S.Meetings.Where(m => Math.Abs(m.Date.DayNumber - date.DayNumber) < rule.PerDays).ToList();
        if (near.Count >= rule.MaxMeetings)
            return Outcome<Meeting>.Refuse(Refusal.Conflict,
                $"{_street.Profile.Name}会议频次:{rule.PerDays}天内至多{rule.MaxMeetings}次 (at most {rule.MaxMeetings} meeting(s) in {rule.PerDays} days); already: {string.Join(", ", near.Select(m => $"{m.Date:yyyy-MM-dd} {m.Title}"))}");
        var meeting = new Meeting(date, title.Trim(), convenedBy.Trim(), online, by);
        S.Meetings.Add(meeting);
        await state.WriteStateAsync();
        return Outcome<Meeting>.Ok(meeting);
    }

    public async Task<Outcome<Inspection>> RecordInspectionAsync(DateOnly date, string unit, bool accompanied, Actor by)
    {
        if ((Text(unit) ?? Recent(date)) is { } invalid)
            return Outcome<Inspection>.Refuse(Refusal.Invalid, invalid);
        var inspection = new Inspection(date, unit.Trim(), accompanied, by);
        S.Inspections.Add(inspection);
        await state.WriteStateAsync();
        return Outcome<Inspection>.Ok(inspection);
    }

    public async Task<Outcome<FormOutcome>> SubmitFormAsync(string indicator, string period, string department, string value, Actor by)
    {
        if ((indicators.Check(indicator, period) ?? Text(department) ?? Text(value)) is { } invalid)
            return Outcome<FormOutcome>.Refuse(Refusal.Invalid, invalid);
        var index = S.Forms.FindIndex(f => f.Indicator == indicator && f.Period == period);
        if (index >= 0)
        {
            var existing = S.Forms[index];
            if (existing.FirstAskedBy != department && !existing.AlsoAskedBy.Contains(department))
            {
                S.Forms[index] = existing with { AlsoAskedBy = [.. existing.AlsoAskedBy, department] };
                await state.WriteStateAsync();
            }
            return Outcome<FormOutcome>.Ok(new FormOutcome(S.Forms[index], Reused: true));
        }
        var submission = new FormSubmission(indicator, period, value.Trim(), department, [], clock.Now());
        S.Forms.Add(submission);
        await state.WriteStateAsync();
        return Outcome<FormOutcome>.Ok(new FormOutcome(submission, Reused: false));
    }

    public async Task<BurdenReport> GetReportAsync()
    {
        var today = clock.Today();
        var since = today.AddDays(-7 * ReportWeeks);
        var meetings = S.Meetings.Where(m => m.Date > since && m.Date <= today).ToList();
        var inspections = S.Inspections.Where(i => i.Date > since && i.Date <= today).ToList();
        var forms = S.Forms.Where(f => DateOnly.FromDateTime(f.SubmittedAt.DateTime) > since).ToList();
        const double weeksPerMonth = 52.0 / 12;
        var months = ReportWeeks / weeksPerMonth;
        var baseline = _street.Duties.Baseline.FirstOrDefault(b => b.Community == _community);
        var plaques = await GrainFactory.GetGrain<IPlaqueRegisterGrain>(this.GetPrimaryKeyString()).GetAsync();
        return new BurdenReport(this.GetPrimaryKeyString(),
            baseline?.MeetingsPerWeek ?? 0, Math.Round(meetings.Count / (double)ReportWeeks, 2),
            meetings.Count == 0 ? 0 : Math.Round(meetings.Count(m => m.Online) / (double)meetings.Count, 2),
            baseline?.FormsPerMonth ?? 0, Math.Round(forms.Count / months, 1), forms.Sum(f => f.AlsoAskedBy.Count),
            baseline?.InspectionsPerMonth ?? 0, Math.Round(inspections.Count / months, 1),
            baseline?.AccompanyingPerMonth ?? 0, Math.Round(inspections.Count(i => i.Accompanied) / months, 1),
            plaques.EverHung, plaques.Signs + plaques.Markers, ReportWeeks);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > 200 ? "text fields are required: 1–200 characters" : null;

    private string? Recent(DateOnly date) =>
        Math.Abs(date.DayNumber - clock.Today().DayNumber) > 366 ? $"date {date:yyyy-MM-dd} is more than a year from today" : null;
}
