using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>A street's problems by category and month: in its summary (the API) and on its page, as a chart with its table.</summary>
public sealed class ProblemsByMonthTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task Problems_filed_this_month_are_counted_by_category_in_the_summary_and_on_the_street_page()
    {
        using var admin = _district.Client();
        var n = 0;
        foreach (var (grid, category) in new[] { ("nanshanlu.g001", "facilities"), ("nanshanlu.g002", "facilities"), ("nanshanlu.g003", "environment") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
            {
                Content = JsonContent.Create(new { category, description = "按月统计", location = "路口" }),
            };
            request.Headers.Add("Idempotency-Key", $"by-month-{n++}");
            (await admin.SendAsync(request)).EnsureSuccessStatusCode();
        }
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

        var summary = await (await admin.GetAsync("/api/streets/nanshanlu/summary")).JsonAsync();
        var months = summary.GetProperty("problemsByMonth").EnumerateArray().ToList();
        months.Count.ShouldBe(1);
        months[0].GetProperty("month").GetString().ShouldBe(month);
        months[0].GetProperty("byCategory").GetProperty("facilities").GetInt32().ShouldBe(2);
        months[0].GetProperty("byCategory").GetProperty("environment").GetInt32().ShouldBe(1);
        months[0].GetProperty("total").GetInt32().ShouldBe(3);
        summary.GetProperty("filedBeforeMonthlyCount").GetInt32().ShouldBe(0);

        var page = await admin.GetStringAsync("/streets/nanshanlu");
        page.ShouldContain("<script type=\"application/json\" id=\"problems-by-month\">");
        var row = page[page.IndexOf($"data-row=\"{month}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain("<td class=\"num\">2</td>");
        row.ShouldEndWith("<td class=\"num\">3</td>");
    }
}
