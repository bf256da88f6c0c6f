using System.Globalization;
using Autofac;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.Storage;

namespace ModularGov.Duties.Burden;

/// <summary>
/// 文会督检考: a community's meetings (within the street's frequency rule), inspections, and forms reported once a period.
/// The ledger is split by month (<see cref="MonthLedger"/>), so a write holds one month and a report reads the few months
/// it covers; the grain itself keeps nothing.
/// </summary>
internal sealed class BurdenLedgerGrain(IStreetDirectory streets, Indicators indicators, TimeProvider clock) : Grain, IBurdenLedgerGrain
{
    /// <summary>The report's "after" covers the last eight weeks.</summary>
    public const int ReportWeeks = 8;
    /// <summary>The longest text a ledger entry holds: a meeting's title, who convened it, a unit, a department, a reported value.</summary>
    public const int MaxText = 200;
    private IStreet _street = null!;
    private string _community = "";
    private RecordStore<MonthLedger> _months = null!;
    private RecordStore<FormIndex> _forms = null!;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (street, community) = CommunityKeys.Find(streets, Key);
        _street = street ?? throw new InvalidOperationException($"community '{Key}' is not served");
        _community = community ?? throw new InvalidOperationException($"community '{Key}' is not served");
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _months = new RecordStore<MonthLedger>(storage, MonthLedger.Kind);
        _forms = new RecordStore<FormIndex>(storage, FormIndex.Kind);
        return Task.CompletedTask;
    }

    public async Task<Outcome<Meeting>> RecordMeetingAsync(DateOnly date, string title, string convenedBy, bool online, Actor by)
    {
        if ((Text(title) ?? Text(convenedBy) ?? Recent(date)) is { } invalid)
            return Outcome<Meeting>.Refuse(Refusal.Invalid, invalid);
        var rule = _street.Services.ResolveOptional<MeetingRule>() ?? MeetingRule.Default;
        var around = await MonthsAsync(date.AddDays(1 - rule.PerDays), date.AddDays(rule.PerDays - 1));
        var near = around.SelectMany(m => m.Value.Meetings).Where(m => Math.Abs(m.Date.DayNumber - date.DayNumber) < rule.PerDays).ToList();
        if (near.Count >= rule.MaxMeetings)
            return Outcome<Meeting>.Refuse(Refusal.Conflict,
                $"{_street.Profile.Name}会议频次:{rule.PerDays}天内至多{rule.MaxMeetings}次 (at most {rule.MaxMeetings} meeting(s) in {rule.PerDays} days); already: {string.Join(", ", near.Select(m => $"{m.Date:yyyy-MM-dd} {m.Title}"))}");
        var meeting = new Meeting(date, title.Trim(), convenedBy.Trim(), online, by);
        var month = around.Single(m => m.Id == MonthKey(date));
        month.Value.Meetings.Add(meeting);
        await _months.WriteAsync(month);
        return Outcome<Meeting>.Ok(meeting);
    }

    public async Task<Outcome<Inspection>> RecordInspectionAsync(DateOnly date, string unit, bool accompanied, Actor by)
    {
        if ((Text(unit) ?? Recent(date)) is { } invalid)
            return Outcome<Inspection>.Refuse(Refusal.Invalid, invalid);
        var inspection = new Inspection(date, unit.Trim(), accompanied, by);
        var month = await MonthAsync(MonthKey(date));
        month.Value.Inspections.Add(inspection);
        await _months.WriteAsync(month);
        return Outcome<Inspection>.Ok(inspection);
    }

    public async Task<Outcome<FormOutcome>> SubmitFormAsync(string indicator, string period, string department, string value, Actor by)
    {
        if ((indicators.Check(indicator, period) ?? Text(department) ?? Text(value)) is { } invalid)
            return Outcome<FormOutcome>.Refuse(Refusal.Invalid, invalid);
        var indexKey = $"{Key}.{indicator}.{period}";
        var index = await _forms.ReadAsync(indexKey);
        if (index is not null)
        {
            var held = await MonthAsync(index.Value.Month);
            var at = held.Value.Forms.FindIndex(f => f.Indicator == indicator && f.Period == period);
            if (at >= 0)
            {
                var existing = held.Value.Forms[at];
                if (existing.FirstAskedBy != department && !existing.AlsoAskedBy.Contains(department))
                {
                    held.Value.Forms[at] = existing = existing with { AlsoAskedBy = existing.AlsoAskedBy.Append(department).ToList() };
                    await _months.WriteAsync(held);
                }
                return Outcome<FormOutcome>.Ok(new FormOutcome(existing, Reused: true));
            }
        }
        var submission = new FormSubmission(indicator, period, value.Trim(), department, [], clock.Now());
        var month = await MonthAsync(MonthKey(clock.Today()));
        await _forms.WriteAsync(new Stored<FormIndex>(indexKey, new FormIndex { Month = month.Id }, index?.ETag));
        month.Value.Forms.Add(submission);
        await _months.WriteAsync(month);
        return Outcome<FormOutcome>.Ok(new FormOutcome(submission, Reused: false));
    }

    public async Task<BurdenReport> GetReportAsync()
    {
        var today = clock.Today();
        var since = today.AddDays(-7 * ReportWeeks);
        var ledger = await MonthsAsync(since.AddDays(1), today);
        var meetings = ledger.SelectMany(m => m.Value.Meetings).Where(m => m.Date > since && m.Date <= today).ToList();
        var inspections = ledger.SelectMany(m => m.Value.Inspections).Where(i => i.Date > since && i.Date <= today).ToList();
        var forms = ledger.SelectMany(m => m.Value.Forms).Where(f => DateOnly.FromDateTime(f.SubmittedAt.DateTime) > since).ToList();
        const double weeksPerMonth = 52.0 / 12;
        var months = ReportWeeks / weeksPerMonth;
        var baseline = _street.Duties.Baseline.FirstOrDefault(b => b.Community == _community);
        var plaques = await GrainFactory.GetGrain<IPlaqueRegisterGrain>(Key).GetAsync();
        return new BurdenReport
        {
            Community = Key,
            MeetingsPerWeekBefore = baseline?.MeetingsPerWeek ?? 0,
            MeetingsPerWeekAfter = Math.Round(meetings.Count / (double)ReportWeeks, 2),
            OnlineShare = meetings.Count == 0 ? 0 : Math.Round(meetings.Count(m => m.Online) / (double)meetings.Count, 2),
            FormsPerMonthBefore = baseline?.FormsPerMonth ?? 0,
            FormsPerMonthAfter = Math.Round(forms.Count / months, 1),
            FormsReused = forms.Sum(f => f.AlsoAskedBy.Count),
            InspectionsPerMonthBefore = baseline?.InspectionsPerMonth ?? 0,
            InspectionsPerMonthAfter = Math.Round(inspections.Count / months, 1),
            AccompanyingPerMonthBefore = baseline?.AccompanyingPerMonth ?? 0,
            AccompanyingPerMonthAfter = Math.Round(inspections.Count(i => i.Accompanied) / months, 1),
            PlaquesBefore = plaques.EverHung,
            PlaquesNow = plaques.Signs + plaques.Markers,
            Weeks = ReportWeeks,
        };
    }

    private string MonthKey(DateOnly date) => $"{Key}.{date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>The month's ledger as stored, or a new one to write.</summary>
    private async Task<Stored<MonthLedger>> MonthAsync(string key) => await _months.ReadAsync(key) ?? new Stored<MonthLedger>(key, new MonthLedger());

    /// <summary>The ledgers of every month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private async Task<IReadOnlyList<Stored<MonthLedger>>> MonthsAsync(DateOnly from, DateOnly to)
    {
        var keys = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            keys.Add(MonthKey(month));
        return await Task.WhenAll(keys.Select(MonthAsync));
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > MaxText ? $"text fields are required: 1–{MaxText} characters" : null;

    private string? Recent(DateOnly date) =>
        Math.Abs(date.DayNumber - clock.Today().DayNumber) > 366 ? $"date {date:yyyy-MM-dd} is more than a year from today" : null;
}
