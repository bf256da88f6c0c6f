using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Christmas Eve 2026, a week before the shipped calendar ends: a complex case (15 working days) and an ordinary one
/// (7), both 12345 records taken that day, are accepted with deadlines counted by weekday into 2027, marked
/// provisional; once 2027's calendar is added, the next start counts them again.
/// </summary>
public sealed class ProvisionalDeadlineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private Task<InProcessDistrict> StartAsync(string? calendar = null)
    {
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" };
        if (calendar is not null)
            settings["Calendar:Path"] = calendar;
        return InProcessDistrict.StartAsync(settings, dataDir: _folder.Sub("data"));
    }

    [Fact]
    public async Task Work_past_the_calendar_is_accepted_with_provisional_deadlines_that_the_next_years_file_recounts()
    {
        string complexId, hotlineId;
        await using (var district = await StartAsync())
        {
            var client = district.Client();
            // Two 12345 records taken on Christmas Eve; the centre finds the first one complex (15 working days).
            var import = await client.PostAsJsonAsync("/api/dispatch/hotline", new[]
            {
                new { id = "H-1224-1", receivedAt = "2026-12-24T10:00:00+08:00", street = "nanshanlu", community = "nanshan", category = "construction", description = "小区违建拆除涉及多部门", location = "桃园路12号" },
                new { id = "H-1224-2", receivedAt = "2026-12-24T10:00:00+08:00", street = "yijing", community = "hexia", category = "facilities", description = "村口路灯不亮", location = "河下村村口" },
            });
            import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
            var records = (await import.JsonAsync()).GetProperty("records");
            records.EnumerateArray().Count(r => r.GetProperty("outcome").GetString() == "created").ShouldBe(2);
            complexId = records[0].GetProperty("caseId").GetString()!;
            hotlineId = records[1].GetProperty("caseId").GetString()!;
            (await client.PostAsJsonAsync($"/api/dispatch/cases/{complexId}/verify", new { findings = "属实", cause = "违建涉及规划、城管、住建" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var deliberated = await client.PostAsJsonAsync($"/api/dispatch/cases/{complexId}/deliberate", new { lead = "urban", assisting = new[] { "housing" }, urgency = "complex" });
            deliberated.StatusCode.ShouldBe(HttpStatusCode.OK, await deliberated.Content.ReadAsStringAsync());

            // By weekday alone: 15 working days reach Thu 14 Jan 2027 (1 Jan counted), 7 reach Mon 4 Jan.
            await ShouldHaveDeadlineAsync(client, complexId, "2027-01-14 10:00", provisional: true);
            await ShouldHaveDeadlineAsync(client, hotlineId, "2027-01-04 10:00", provisional: true);
            var board = await (await client.GetAsync("/api/dispatch/cases")).JsonAsync();
            board.EnumerateArray().Count(c => c.GetProperty("id").GetString() is { } id && (id == complexId || id == hotlineId) && c.GetProperty("deadlineProvisional").GetBoolean()).ShouldBe(2);
        }

        var calendar = _folder.Sub("calendar");
        Directory.CreateDirectory(calendar);
        await File.WriteAllTextAsync(Path.Combine(calendar, "2027.json"),
            """{ "year": 2027, "source": "测试数据 (test data)", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "makeUpWorkingDays": [] }""");
        await using (var district = await StartAsync(calendar))
        {
            // New Year's Day is a holiday now: each deadline moves one working day later, and is final.
            await ShouldHaveDeadlineAsync(district.Client(), complexId, "2027-01-15 10:00", provisional: false);
            await ShouldHaveDeadlineAsync(district.Client(), hotlineId, "2027-01-05 10:00", provisional: false);
        }
    }

    private static async Task ShouldHaveDeadlineAsync(HttpClient client, string caseId, string deadline, bool provisional)
    {
        var view = await (await client.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync();
        var at = DateTimeOffset.Parse(view.GetProperty("deadline").GetString()!).ToOffset(TimeSpan.FromHours(8));
        (at.ToString("yyyy-MM-dd HH:mm"), view.GetProperty("deadlineProvisional").GetBoolean()).ShouldBe((deadline, provisional));
    }

    public void Dispose() => _folder.Dispose();
}
