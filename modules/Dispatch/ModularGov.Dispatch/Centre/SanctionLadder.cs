using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Centre;

/// <summary>用: first time at the bottom in a year a public notice, second a formal interview, third and after personnel frozen and an inquiry.</summary>
internal static class SanctionLadder
{
    public static SanctionLevel For(int timesThisYear) => timesThisYear switch
    {
        <= 1 => SanctionLevel.Notice,
        2 => SanctionLevel.Interview,
        _ => SanctionLevel.FreezeAndInquiry,
    };

    /// <summary>
    /// The sanctions for a closed month: its bottom ranked unit(s), each at the rung its count of bottom places this
    /// year puts it on. A month with fewer than two ranked units has no bottom.
    /// </summary>
    public static List<Sanction> ForMonth(MonthlyRanking ranking, IReadOnlyList<Sanction> earlier, int bottomUnits, Actor by, DateTimeOffset at)
    {
        var ranked = ranking.Units.Where(u => u.Rank is not null).ToList();
        var sanctions = new List<Sanction>();
        if (ranked.Count < 2)
            return sanctions;
        var year = ranking.Month[..4];
        foreach (var bottom in ranked.OrderByDescending(u => u.Rank).Take(bottomUnits))
        {
            var times = earlier.Count(s => s.Unit == bottom.Unit && s.Month.StartsWith(year, StringComparison.Ordinal)) + 1;
            var level = For(times);
            sanctions.Add(new Sanction
            {
                Id = $"sn{year}-{earlier.Count + sanctions.Count + 1:D3}",
                Unit = bottom.Unit,
                UnitName = bottom.Name,
                Month = ranking.Month,
                Level = level,
                Measure = Measure(level),
                TimesThisYear = times,
                Evidence = bottom,
                DecidedBy = by,
                At = at,
            });
        }
        return sanctions;
    }

    public static string Measure(SanctionLevel level) => level switch
    {
        SanctionLevel.Notice => "通报 (public notice)",
        SanctionLevel.Interview => "约谈 (formal interview)",
        _ => "冻结人事并启动不担当不作为调查 (personnel actions frozen; inquiry into inaction opened)",
    };
}
