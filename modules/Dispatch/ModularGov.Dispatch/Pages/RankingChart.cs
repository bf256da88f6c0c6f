using System.Text.Json;
using ModularGov.Dispatch.Contracts;

namespace ModularGov.Dispatch.Pages;

/// <summary>The month's ranking as an ECharts option: one bar per unit, its score, ranked units first as the ranking orders them.</summary>
internal static class RankingChart
{
    /// <summary>
    /// JSON for a <c>&lt;script type="application/json"&gt;</c>: the serializer's default encoder writes &lt;, &gt; and &amp; as
    /// \u escapes, so no name can close the script element.
    /// </summary>
    public static string Option(MonthlyRanking ranking, bool dark)
    {
        // ECharts draws a category axis bottom-up; reversed, the first-ranked unit is on top.
        var units = ranking.Units.Reverse().ToList();
        var ink = dark ? "#f1f4f8" : "#1f2933";
        var size = dark ? 16 : 12;
        return JsonSerializer.Serialize(new
        {
            textStyle = new { color = ink, fontSize = size },
            tooltip = new { trigger = "axis" },
            grid = new { left = 16, right = 32, top = 16, bottom = 24, containLabel = true },
            xAxis = new { type = "value", name = "得分", min = 0, max = 100, axisLabel = new { color = ink, fontSize = size } },
            yAxis = new { type = "category", data = units.Select(u => u.Rank is { } rank ? $"{rank}. {u.Name}" : $"{u.Name}(未排名)"), axisLabel = new { color = ink, fontSize = size } },
            series = new[]
            {
                new
                {
                    type = "bar",
                    name = "得分",
                    data = units.Select(u => new { value = u.Score, itemStyle = new { color = u.Rank is null ? "#8a94a3" : "#2f6fde" } }),
                    label = new { show = true, position = "right", color = ink, fontSize = size },
                },
            },
        });
    }
}
