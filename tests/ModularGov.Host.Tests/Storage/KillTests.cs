using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>
/// No acknowledged write is lost: problems are filed over HTTP while the host is killed with SIGKILL at random
/// moments, again and again; every problem whose POST was acknowledged is there afterwards, exactly once.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const int Cycles = 20;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_acknowledged_problem_survives_repeated_kill_9_exactly_once()
    {
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", "--Auth:BootstrapToken=kill-admin", "--Logging:LogLevel:Default=Warning"];
        var acknowledged = new ConcurrentDictionary<string, string>();
        var random = new Random(20261125);
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await using var host = HostProcess.Start(_folder.Path, settings);
            await host.WaitUntilHealthyAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => FileUntilKilledAsync(host, $"c{cycle:D2}w{w}", acknowledged, stop.Token)).ToList();
            await Task.Delay(random.Next(150, 900));
            await host.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        acknowledged.Count.ShouldBeGreaterThan(Cycles, "the test must have had writes acknowledged to mean anything");

        await using var survivor = HostProcess.Start(_folder.Path, settings);
        await survivor.WaitUntilHealthyAsync();
        using var client = Client(survivor);
        var stored = new List<(string Id, string Description)>();
        foreach (var grid in Grids)
        {
            var problems = await (await client.GetAsync($"/api/grids/{grid}/problems")).JsonAsync();
            stored.AddRange(problems.EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("description").GetString()!)));
        }
        var byDescription = stored.GroupBy(p => p.Description).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        var missing = acknowledged.Where(a => !byDescription.TryGetValue(Description(a.Key), out var ids) || !ids.Contains(a.Value)).Select(a => a.Key).ToList();
        missing.ShouldBeEmpty();
        byDescription.Values.Count(ids => ids.Count > 1).ShouldBe(0, "no request was stored twice");
    }

    private static readonly string[] Grids = ["nanshanlu.g001", "nanshanlu.g002", "shangzhan.g001", "yijing.g001"];

    private static string Description(string key) => $"压力测试事项 {key}";

    private static HttpClient Client(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kill-admin");
        return client;
    }

    /// <summary>Files problems one after another until the host dies; records each one the host acknowledged.</summary>
    private static async Task FileUntilKilledAsync(HostProcess host, string writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        using var client = Client(host);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"{writer}-{n}";
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grids[n % Grids.Length]}/problems")
                {
                    Content = JsonContent.Create(new { category = "other", description = Description(key), location = "测试" }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged[key] = (await response.JsonAsync()).GetProperty("id").GetString()!;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
                return;
            }
        }
    }

    public void Dispose() => _folder.Dispose();
}
