using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Calendar;

namespace ModularGov.Dispatch.Centre;

/// <summary>
/// 评: each unit's month as the lead unit: response rate (first progress report within the response window of
/// assignment), resolution rate (closed on time), satisfaction rate (rated 4 or 5), weighted into one score over
/// the rates the month has. A unit is ranked only if it led the minimum number of cases, so one lucky case cannot
/// top the table.
/// </summary>
internal static class Ranking
{
    public static MonthlyRanking Compute(string month, DateTimeOffset start, DateTimeOffset end, IEnumerable<CaseIndexEntry> cases,
        Units units, DispatchOptions options, WorkingCalendar calendar, bool closed)
    {
        var scores = units.All.Select(unit => Score(unit, start, end, cases.Where(c => c.Lead == unit.Id).ToList(), options, calendar)).ToList();
        var ranked = scores.Where(s => s.NotRankedBecause is null)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 });
        var unranked = scores.Where(s => s.NotRankedBecause is not null).OrderBy(s => s.Name, StringComparer.Ordinal);
        return new MonthlyRanking(month, options.MinimumCasesForRanking, ranked.Concat(unranked).ToList(), closed);
    }

    private static UnitScore Score(UnitInfo unit, DateTimeOffset start, DateTimeOffset end, List<CaseIndexEntry> led, DispatchOptions options, WorkingCalendar calendar)
    {
        var inMonth = led.Where(c => Months.Contains(start, end, c.AssignedAt) || Months.Contains(start, end, c.ClosedAt) || Months.Contains(start, end, c.EvaluatedAt)).ToList();
        var assigned = inMonth.Where(c => Months.Contains(start, end, c.AssignedAt)).ToList();
        var closed = inMonth.Where(c => Months.Contains(start, end, c.ClosedAt)).ToList();
        var evaluated = inMonth.Where(c => Months.Contains(start, end, c.EvaluatedAt)).ToList();

        double? response = Rate(assigned, c => c.LeadRespondedAt is { } r && r <= calendar.AddWorkingDays(c.AssignedAt!.Value, options.ResponseWorkingDays));
        double? resolution = Rate(closed, c => c.OnTime == true);
        double? satisfaction = Rate(evaluated, c => c.Satisfaction >= 4);
        var parts = new[] { (response, options.ResponseWeight), (resolution, options.ResolutionWeight), (satisfaction, options.SatisfactionWeight) }
            .Where(p => p.Item1 is not null).ToList();
        var weight = parts.Sum(p => p.Item2);
        var score = weight > 0 ? Math.Round(100 * parts.Sum(p => p.Item1!.Value * p.Item2) / weight, 1) : 0;
        var reason = inMonth.Count < options.MinimumCasesForRanking
            ? $"led {inMonth.Count} case(s), fewer than the {options.MinimumCasesForRanking} needed to be ranked"
            : null;
        return new UnitScore
        {
            Unit = unit.Id,
            Name = unit.Name,
            Cases = inMonth.Count,
            ResponseRate = response,
            ResolutionRate = resolution,
            SatisfactionRate = satisfaction,
            Score = score,
            NotRankedBecause = reason,
            CaseIds = inMonth.Select(c => c.Id).Order().ToList(),
        };
    }

    private static double? Rate(List<CaseIndexEntry> cases, Func<CaseIndexEntry, bool> good) =>
        cases.Count == 0 ? null : Math.Round(cases.Count(good) / (double)cases.Count, 3);
}
