using System.Text.Json;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Views;

namespace ModularGov.Duties.Pages;

/// <summary>The burden report before and after as the chart and its table show it: per community, averaged over a street's.</summary>
internal static class BurdenFigures
{
    public static IReadOnlyList<BurdenFigure> Of(IReadOnlyList<BurdenReport> reports)
    {
        BurdenFigure Figure(string indicator, Func<BurdenReport, double> before, Func<BurdenReport, double> after) =>
            new(indicator, Average(before), Average(after));
        double Average(Func<BurdenReport, double> value) => reports.Count == 0 ? 0 : Math.Round(reports.Average(value), 2);
        return
        [
            Figure("会议(次/周)", r => r.MeetingsPerWeekBefore, r => r.MeetingsPerWeekAfter),
            Figure("报表(份/月)", r => r.FormsPerMonthBefore, r => r.FormsPerMonthAfter),
            Figure("督查检查(次/月)", r => r.InspectionsPerMonthBefore, r => r.InspectionsPerMonthAfter),
            Figure("陪同(次/月)", r => r.AccompanyingPerMonthBefore, r => r.AccompanyingPerMonthAfter),
            Figure("挂牌(块)", r => r.PlaquesBefore, r => r.PlaquesNow),
        ];
    }

    /// <summary>The ECharts option of a before/after bar chart; the serializer escapes &lt; and &gt;, so it is safe inside a script element.</summary>
    public static string ChartOption(IReadOnlyList<BurdenFigure> figures) => JsonSerializer.Serialize(new
    {
        aria = new { enabled = true },
        animation = false,
        tooltip = new { trigger = "axis" },
        legend = new { top = 0, data = new[] { "减负前", "减负后" } },
        grid = new { containLabel = true, top = 40, left = 8, right = 8, bottom = 8 },
        xAxis = new { type = "category", data = figures.Select(f => f.Indicator), axisLabel = new { interval = 0 } },
        yAxis = new { type = "value" },
        series = new object[]
        {
            new { name = "减负前", type = "bar", data = figures.Select(f => f.Before) },
            new { name = "减负后", type = "bar", data = figures.Select(f => f.After) },
        },
    });

    public static string Show(double value) => value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
