using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Hosting;
using ModularGov.Testing;

namespace ModularGov.Bench;

/// <summary>
/// The console's figures (issue 13): how long the server takes to render Nanshanlu's street page with its 96 live grids (each
/// with a problem on record), one caller after another and four at once; and how long a filed problem takes to reach a street
/// page's event stream. On LiteDB without the fsync, as a street office's host would run it minus the disk.
/// </summary>
internal static class ConsoleBench
{
    public const string Heading = "## Console pages";
    private const string Street = "nanshanlu";

    public static async Task<List<(string Measure, string Figure, string Note)>> RunAsync(string root, string pluginPath)
    {
        var rows = new List<(string, string, string)>();
        var dataDir = Path.Combine(root, "console");
        Directory.CreateDirectory(dataDir);
        await using var host = DistrictHost.Create([
            "--urls=http://127.0.0.1:0", $"--Storage:DataDir={dataDir}", "--Storage:Fsync=false", $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Auth:BootstrapToken={TestTokens.Bench}", "--RateLimits:PermitsPerWindow=1000000", "--Logging:LogLevel:Default=Warning",
            $"--Plugins:Path={pluginPath}",
        ]);
        await host.App.StartAsync();
        var address = new Uri(host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var admin = Client(address, TestTokens.Bench);
        var issued = await (await admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = $"street:{Street}", label = "bench" })).Content.ReadFromJsonAsync<Issued>();
        using var office = Client(address, issued!.Token);

        var grids = await admin.GetFromJsonAsync<List<GridRow>>($"/api/streets/{Street}/grids");
        var filed = 0;
        foreach (var grid in grids!)
            await FileAsync(admin, grid.Id, filed++);

        var page = $"/streets/{Street}";
        for (var i = 0; i < 100; i++)
            (await office.GetAsync(page)).EnsureSuccessStatusCode();
        var one = new List<double>();
        for (var i = 0; i < 500; i++)
            one.Add(await TimeAsync(() => office.GetAsync(page)));
        rows.Add(("street page with 96 live grids, one caller, p50 / p95 / p99 ms", Percentiles(one), "500 renders of /streets/nanshanlu, sequential, after 100 to warm up; the goal is p95 under 100 ms"));

        var four = new List<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 125; i++)
            {
                var ms = await TimeAsync(() => office.GetAsync(page));
                lock (four)
                    four.Add(ms);
            }
        }));
        rows.Add(("street page, four callers at once, p50 / p95 / p99 ms", Percentiles(four), $"500 renders, {500 / clock.Elapsed.TotalSeconds:0} pages/s"));

        rows.Add(("a filed problem reaching a street page's event stream, p50 / p95 / max ms", Percentiles(await LiveLatenciesAsync(office, admin, grids, filed), max: true),
            "50 problems filed over HTTP one after another; from sending the filing to the page's `changed` event"));
        await host.App.StopAsync();
        return rows;
    }

    private static async Task<List<double>> LiveLatenciesAsync(HttpClient office, HttpClient admin, List<GridRow> grids, int filed)
    {
        using var stream = new StreamReader(await office.GetStreamAsync($"/streets/{Street}/live"));
        while (await stream.ReadLineAsync() is { } line && !line.StartsWith("event: connected", StringComparison.Ordinal))
        {
        }
        var latencies = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            await FileAsync(admin, grids[i % grids.Count].Id, filed++);
            while (await stream.ReadLineAsync() is { } line && !line.StartsWith("event: changed", StringComparison.Ordinal))
            {
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            // A filing signals the street once; drain anything else so the next measurement starts clean.
            await Task.Delay(200);
        }
        return latencies;
    }

    private static async Task FileAsync(HttpClient client, string grid, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
        {
            Content = JsonContent.Create(new { category = "facilities", description = "样例:路灯不亮 (sample)", location = "路口" }),
        };
        request.Headers.Add("Idempotency-Key", $"console-bench-{n}");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        using var response = await call();
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Percentiles(List<double> ms, bool max = false) =>
        $"{Measurements.Percentile(ms, 50):0.0} / {Measurements.Percentile(ms, 95):0.0} / {(max ? ms.Max() : Measurements.Percentile(ms, 99)):0.0}";

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Section(IEnumerable<(string Measure, string Figure, string Note)> rows, string machine) =>
        string.Join("\n", new[]
        {
            Heading,
            "",
            $"Measured {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {machine}, with `dotnet run -c Release --project bench/ModularGov.Bench -- console` " +
                "(also part of the full run): one district in this process on LiteDB without the fsync, every one of Nanshanlu's 96 grids with a " +
                "problem on record, pages asked for over HTTP with a street operator's token and read to the end.",
            "",
            "| measure | figure | notes |",
            "|---|---|---|",
        }.Concat(rows.Select(r => $"| {r.Measure} | {r.Figure} | {r.Note} |")).Append("").Append(""));

    private sealed record Issued(string Token);

    private sealed record GridRow(string Id);
}
