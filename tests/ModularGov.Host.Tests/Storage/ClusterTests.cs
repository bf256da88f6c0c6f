using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>
/// Two host processes as two silos of one cluster on a real Redis: problems filed through both; one is killed with
/// SIGKILL; every grid answers again through the other, with its state intact, within 60 seconds.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RedisServer _redis = RedisServer.Start();

    private static readonly string[] Grids =
        ["nanshanlu.g001", "nanshanlu.g002", "nanshanlu.g003", "shangzhan.g001", "shangzhan.g002", "beidajie.g001", "yijing.g001", "yijing.g002"];

    private static HttpClient Client(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ModularGov.Testing.TestTokens.Cluster);
        return client;
    }

    [Fact]
    public async Task Every_grid_answers_through_the_surviving_silo_with_its_state_after_the_other_is_killed()
    {
        var cluster = Guid.NewGuid().ToString("N")[..8];
        string[] settings = ["--Storage:Provider=Redis", $"--Storage:Redis={_redis.Connection}", $"--Orleans:ClusterId=c{cluster}",
            $"--Orleans:ServiceId=s{cluster}", $"--Auth:BootstrapToken={ModularGov.Testing.TestTokens.Cluster}", "--Logging:LogLevel:Default=Warning"];
        Directory.CreateDirectory(_folder.Sub("a"));
        Directory.CreateDirectory(_folder.Sub("b"));
        await using var first = HostProcess.Start(_folder.Sub("a"), settings);
        await using var second = HostProcess.Start(_folder.Sub("b"), settings);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        await WaitForSilosAsync(second, 2);

        var filed = new Dictionary<string, List<string>>();
        var hosts = new[] { first, second };
        for (var i = 0; i < Grids.Length * 2; i++)
        {
            var grid = Grids[i % Grids.Length];
            using var client = Client(hosts[i % 2]);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
            {
                Content = JsonContent.Create(new { category = "environment", description = $"集群事项 {i}", location = "测试" }),
            };
            request.Headers.Add("Idempotency-Key", $"cluster-{i}");
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            (filed.TryGetValue(grid, out var ids) ? ids : filed[grid] = []).Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        await first.KillAsync();
        var clock = Stopwatch.StartNew();
        using var survivor = Client(second);
        foreach (var (grid, ids) in filed)
        {
            var answered = false;
            while (!answered && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    var response = await survivor.GetAsync($"/api/grids/{grid}/problems");
                    if (response.IsSuccessStatusCode)
                    {
                        var problems = (await response.JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
                        problems.Order().ShouldBe(ids.Order());
                        answered = true;
                    }
                }
                catch (TaskCanceledException)
                {
                }
                if (!answered)
                    await Task.Delay(500);
            }
            answered.ShouldBeTrue($"{grid} did not answer through the surviving silo within 60 s:\n{second.Output}");
        }
        var summary = await (await survivor.GetAsync("/api/streets/nanshanlu/summary")).JsonAsync();
        summary.GetProperty("problems").GetProperty("filed").GetInt32().ShouldBe(6);
    }

    private static async Task WaitForSilosAsync(HostProcess host, int silos)
    {
        using var client = Client(host);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if ((await (await client.GetAsync("/health")).JsonAsync()).GetProperty("silos").GetInt32() == silos)
                return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the cluster never showed {silos} silos:\n{host.Output}");
    }

    public void Dispose()
    {
        _redis.Dispose();
        _folder.Dispose();
    }
}
