using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The real host executable, stopped and started again on the same data directory.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private HttpClient Client(HostProcess host, string token)
    {
        var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_restarted_host_finds_the_state_it_wrote_and_a_second_host_on_the_same_directory_exits_at_once()
    {
        string adminToken, streetToken;
        await using (var first = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}"))
        {
            await first.WaitUntilHealthyAsync();
            await first.WaitForOutputAsync("first start: the district-admin token");
            first.Output.ShouldContain($"数据目录 (data directory): {_folder.Sub("data")} (LiteDb");
            first.Output.ShouldContain("已加载街道 (street loaded): nanshanlu 南山路街道 v1.0.0");
            var tokenFile = Path.Combine(_folder.Sub("data"), "first-start-admin-token");
            first.Output.ShouldContain(tokenFile, customMessage: "the log names the file");
            if (!OperatingSystem.IsWindows())
                File.GetUnixFileMode(tokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "only its owner may read it");
            adminToken = (await File.ReadAllTextAsync(tokenFile)).Trim();
            adminToken.ShouldStartWith("mg_");
            first.Output.ShouldNotContain(adminToken, customMessage: "the log never shows the token");

            var issued = await Client(first, adminToken).PostAsJsonAsync("/api/tokens",
                new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" });
            issued.StatusCode.ShouldBe(HttpStatusCode.Created);
            streetToken = (await issued.JsonAsync()).GetProperty("token").GetString()!;
            await first.StopAsync();
            first.ExitCode.ShouldBe(0, first.Output);
        }

        await using var second = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}");
        await second.WaitUntilHealthyAsync();
        await second.WaitForOutputAsync("Application started");
        second.Output.ShouldNotContain("first start: the district-admin token", customMessage: "the first-start token is issued once, on the very first start");
        (await Client(second, adminToken).GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(second, streetToken).GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(second, streetToken).GetAsync("/api/streets/shangzhan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var listed = (await (await Client(second, adminToken).GetAsync("/api/tokens")).JsonAsync()).EnumerateArray().ToList();
        listed.Count.ShouldBe(2, "the first start's admin token and the street token, read back from the store");
        var street = listed.Single(t => t.GetProperty("role").GetString() == "street-operator");
        street.GetProperty("issuerTokenId").GetString().ShouldBe(listed.Single(t => t.GetProperty("role").GetString() == "district-admin").GetProperty("tokenId").GetString());
        (street.GetProperty("expiresAt").GetDateTimeOffset() - street.GetProperty("issuedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(365));
        street.GetProperty("issuedAt").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.FromHours(8), "China time");

        await using var intruder = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}");
        (await intruder.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(3);
        intruder.Output.ShouldContain("data directory in use by another ModularGov host");
        (await Client(second, streetToken).GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Problems_and_their_history_survive_a_restart()
    {
        string problemId;
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", $"--Auth:BootstrapToken={ModularGov.Testing.TestTokens.Restart}"];
        await using (var first = HostProcess.Start(_folder.Path, settings))
        {
            await first.WaitUntilHealthyAsync();
            var admin = Client(first, ModularGov.Testing.TestTokens.Restart);
            using var file = new HttpRequestMessage(HttpMethod.Post, "/api/grids/nanshanlu.g050/problems")
            {
                Content = JsonContent.Create(new { category = "safety", description = "电动车楼道充电", location = "8号楼" }),
            };
            file.Headers.Add("Idempotency-Key", "restart-1");
            var filed = await admin.SendAsync(file);
            filed.StatusCode.ShouldBe(HttpStatusCode.Created);
            problemId = (await filed.JsonAsync()).GetProperty("id").GetString()!;
            (await admin.PostAsync($"/api/problems/{problemId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await first.StopAsync();
        }

        await using var second = HostProcess.Start(_folder.Path, settings);
        await second.WaitUntilHealthyAsync();
        var client = Client(second, ModularGov.Testing.TestTokens.Restart);
        var problem = await (await client.GetAsync($"/api/problems/{problemId}")).JsonAsync();
        problem.GetProperty("status").GetString().ShouldBe("accepted");
        problem.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["file", "accept"]);
        var summary = await (await client.GetAsync("/api/streets/nanshanlu/summary")).JsonAsync();
        summary.GetProperty("problems").GetProperty("accepted").GetInt32().ShouldBe(1);
        summary.GetProperty("problems").GetProperty("total").GetInt32().ShouldBe(1);
    }

    /// <summary>LiteDB reads dates back in the server's local zone unless told otherwise; the instant must not move with it.</summary>
    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("Asia/Shanghai")]
    public async Task A_deadline_reminder_pending_at_shutdown_fires_after_the_restart(string timeZone)
    {
        var zone = new Dictionary<string, string> { ["TZ"] = timeZone };
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", $"--Auth:BootstrapToken={ModularGov.Testing.TestTokens.Reminder}",
            "--Dispatch:EmergencyLimit=00:00:06", "--Orleans:MinimumReminderPeriod=00:00:02"];
        string caseId;
        DateTimeOffset deadline;
        await using (var first = HostProcess.Start(_folder.Path, zone, settings))
        {
            await first.WaitUntilHealthyAsync();
            using var report = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
            {
                Content = JsonContent.Create(new { street = "nanshanlu", community = "wenhua", category = "safety", description = "燃气管道泄漏", place = "文化街7号", urgency = "emergency" }),
            };
            report.Headers.Add("Idempotency-Key", "gas-leak-1");
            var created = await Client(first, ModularGov.Testing.TestTokens.Reminder).SendAsync(report);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            caseId = (await created.JsonAsync()).GetProperty("caseId").GetString()!;
            var opened = await (await Client(first, ModularGov.Testing.TestTokens.Reminder).GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync();
            deadline = opened.GetProperty("deadline").GetDateTimeOffset();
            opened.GetProperty("overdue").GetBoolean().ShouldBeFalse();
            await first.StopAsync();
        }
        DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the host must stop before the deadline for this test to mean anything");
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);

        await using var second = HostProcess.Start(_folder.Path, zone, settings);
        await second.WaitUntilHealthyAsync();
        var client = Client(second, ModularGov.Testing.TestTokens.Reminder);
        JsonElement view = default;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            view = await (await client.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync();
            if (view.GetProperty("overdue").GetBoolean())
                break;
            await Task.Delay(500);
        }
        view.GetProperty("overdue").GetBoolean().ShouldBeTrue(second.Output);
        view.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "overdue").ShouldBe(1);
    }

    public void Dispose() => _folder.Dispose();
}
