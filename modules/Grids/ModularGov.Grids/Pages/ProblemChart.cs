using System.Text.Json;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Views;

namespace ModularGov.Grids.Pages;

/// <summary>A street's problems filed per month as an ECharts option: one stacked bar per month, one colour per category.</summary>
internal static class ProblemChart
{
    /// <summary>JSON for a script element of type application/json (the default encoder escapes &lt; and &gt;, so it cannot close it).</summary>
    public static string Option(IReadOnlyList<MonthlyProblems> months) => JsonSerializer.Serialize(new
    {
        animation = false,
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 8, right = 16, top = 56, bottom = 24, containLabel = true },
        xAxis = new { type = "category", data = months.Select(m => m.Month) },
        yAxis = new { type = "value", name = "件", minInterval = 1 },
        series = ProblemWords.Categories.Select(c => new { type = "bar", stack = "all", name = c.Text, data = months.Select(m => m.ByCategory.GetValueOrDefault(c.Value)) }),
    });
}
