using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The real host executable, stopped and started again on the same data directory.</summary>
public sealed partial class RestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [GeneratedRegex(@"shown only now\): (mg_[A-Za-z0-9_-]+)")]
    private static partial Regex FirstStartToken();

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
            await first.WaitForOutputAsync("shown only now");
            first.Output.ShouldContain($"数据目录 (data directory): {_folder.Sub("data")} (LiteDb");
            first.Output.ShouldContain("已加载街道 (street loaded): nanshanlu 南山路街道 v1.0.0");
            adminToken = FirstStartToken().Match(first.Output).Groups[1].Value;
            adminToken.ShouldStartWith("mg_");

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
        FirstStartToken().IsMatch(second.Output).ShouldBeFalse("the first-start token is issued once, on the very first start");
        (await Client(second, adminToken).GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(second, streetToken).GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(second, streetToken).GetAsync("/api/streets/shangzhan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var intruder = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}");
        (await intruder.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(3);
        intruder.Output.ShouldContain("data directory in use by another ModularGov host");
        (await Client(second, streetToken).GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Problems_and_their_history_survive_a_restart()
    {
        string problemId;
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", "--Auth:BootstrapToken=restart-admin"];
        await using (var first = HostProcess.Start(_folder.Path, settings))
        {
            await first.WaitUntilHealthyAsync();
            var admin = Client(first, "restart-admin");
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
        var client = Client(second, "restart-admin");
        var problem = await (await client.GetAsync($"/api/problems/{problemId}")).JsonAsync();
        problem.GetProperty("status").GetString().ShouldBe("accepted");
        problem.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["file", "accept"]);
        var summary = await (await client.GetAsync("/api/streets/nanshanlu/summary")).JsonAsync();
        summary.GetProperty("problems").GetProperty("accepted").GetInt32().ShouldBe(1);
        summary.GetProperty("problems").GetProperty("total").GetInt32().ShouldBe(1);
    }

    public void Dispose() => _folder.Dispose();
}
