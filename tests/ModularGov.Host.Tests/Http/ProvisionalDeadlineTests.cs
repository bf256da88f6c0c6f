using System.Net;
using System.Net.Http.Json;
using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Christmas Eve 2026, a week before the shipped calendar ends: a complex case (15 working days) and a hotline record
/// are accepted with deadlines counted by weekday into 2027, marked provisional; once 2027's calendar is added, the
/// next start counts them again.
/// </summary>
public sealed class ProvisionalDeadlineTests : IDisposable
{
    private static readonly DateTimeOffset ChristmasEve = new(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly TempFolder _folder = new();

    /// <summary>The district's clock, set to a moment and running on from there.</summary>
    private sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
    {
        private readonly TimeSpan _shift = now - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }

    private sealed class ClockModule : IModule
    {
        public string Name => "TestClock";

        public void Register(ContainerBuilder builder, IConfiguration configuration) => builder.RegisterInstance(new ShiftedClock(ChristmasEve)).As<TimeProvider>();

        public void MapEndpoints(IEndpointRouteBuilder api) { }
    }

    /// <summary>On Christmas Eve with the shipped calendar, or (on today's clock) with the calendar folder given.</summary>
    private Task<InProcessDistrict> StartAsync(string? calendar = null)
    {
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" };
        if (calendar is not null)
            settings["Calendar:Path"] = calendar;
        return InProcessDistrict.StartAsync(settings, calendar is null ? [.. ModuleCatalog.Shipped(), new ClockModule()] : null, _folder.Sub("data"));
    }

    [Fact]
    public async Task Work_past_the_calendar_is_accepted_with_provisional_deadlines_that_the_next_years_file_recounts()
    {
        string complexId, hotlineId;
        await using (var district = await StartAsync())
        {
            var client = district.Client();
            using var report = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
            {
                Content = JsonContent.Create(new { street = "nanshanlu", community = "nanshan", category = "construction", description = "小区违建拆除涉及多部门", place = "桃园路12号", urgency = "complex" }),
            };
            report.Headers.Add("Idempotency-Key", "christmas-eve-complex");
            var created = await client.SendAsync(report);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            complexId = (await created.JsonAsync()).GetProperty("caseId").GetString()!;

            var import = await client.PostAsJsonAsync("/api/dispatch/hotline", new[]
            {
                new { id = "H-1224", receivedAt = "2026-12-24T10:00:00+08:00", street = "yijing", community = "hexia", category = "facilities", description = "村口路灯不亮", location = "河下村村口" },
            });
            import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
            var record = (await import.JsonAsync()).GetProperty("records")[0];
            record.GetProperty("outcome").GetString().ShouldBe("created");
            hotlineId = record.GetProperty("caseId").GetString()!;

            // By weekday alone: 15 working days reach Thu 14 Jan 2027 (1 Jan counted), 7 reach Mon 4 Jan.
            await ShouldHaveDeadlineAsync(client, complexId, "2027-01-14 10:00", provisional: true);
            await ShouldHaveDeadlineAsync(client, hotlineId, "2027-01-04 10:00", provisional: true);
            var board = await (await client.GetAsync("/api/dispatch/cases?step=received")).JsonAsync();
            board.EnumerateArray().Count(c => c.GetProperty("deadlineProvisional").GetBoolean()).ShouldBe(2);
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
        // The district's clock runs on from 10:00, so a case reported now is received seconds after it.
        var at = DateTimeOffset.Parse(view.GetProperty("deadline").GetString()!).ToOffset(TimeSpan.FromHours(8));
        (at.ToString("yyyy-MM-dd HH:mm"), view.GetProperty("deadlineProvisional").GetBoolean()).ShouldBe((deadline, provisional));
    }

    public void Dispose() => _folder.Dispose();
}
