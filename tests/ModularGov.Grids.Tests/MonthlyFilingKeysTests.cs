using ModularGov.Grids.Contracts;
using ModularGov.Grids.Problems;

namespace ModularGov.Grids.Tests;

/// <summary>A grid's monthly filing counts: keyed by China month and category, the last 12 months kept, nothing older.</summary>
public class MonthlyFilingKeysTests
{
    [Fact]
    public void A_filing_is_counted_in_its_china_month()
    {
        // 2026-11-30 20:00 UTC is 1 December in China.
        MonthlyFilingKeys.Of(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero), ProblemCategory.Facilities).ShouldBe("2026-12/facilities");
        MonthlyFilingKeys.Split("2026-12/facilities").ShouldBe(("2026-12", "facilities"));
    }

    [Fact]
    public void Only_the_last_twelve_months_are_kept()
    {
        var counts = new Dictionary<string, int>();
        for (var month = 1; month <= 14; month++)
        {
            counts[$"{(month <= 12 ? "2025" : "2026")}-{(month - 1) % 12 + 1:D2}/other"] = month;
            counts[$"{(month <= 12 ? "2025" : "2026")}-{(month - 1) % 12 + 1:D2}/safety"] = 1;
            MonthlyFilingKeys.KeepRecent(counts);
        }
        counts.Count.ShouldBe(24);
        counts.Keys.Min(StringComparer.Ordinal).ShouldBe("2025-03/other");
        counts["2026-02/other"].ShouldBe(14);
    }
}
