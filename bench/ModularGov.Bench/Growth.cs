using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;
using ModularGov.Testing;

namespace ModularGov.Bench;

/// <summary>
/// How the cost of a write and of a read grows with what is on record (issue 10): cases accepted over HTTP, a month's
/// ranking over 10,000 cases and the board's first page with 1,000, 10,000 and 100,000 cases on record, and problems
/// filed into one grid holding 1,000, 10,000 and 100,000 problems. Records are seeded through grain calls; the host
/// runs on LiteDB without the fsync (so 200,000 records seed in minutes; the durable figures are measured above).
/// </summary>
internal static class Growth
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];
    private const int RankedCases = 10_000;
    private const string Grid = "nanshanlu.g001";

    public static async Task RunAsync(string root, string pluginPath, TimeSpan duration, Action<string, string, string> report)
    {
        var host = DistrictHost.Create([
            "--urls=http://127.0.0.1:0", $"--Storage:DataDir={Path.Combine(root, "growth")}", "--Storage:Fsync=false", $"--Orleans:SiloPort={FreePort.Next()}",
            "--Orleans:GatewayPort=0", $"--Auth:BootstrapToken={TestTokens.Bench}", "--RateLimits:PermitsPerWindow=1000000", "--Logging:LogLevel:Default=Warning",
            $"--Plugins:Path={pluginPath}",
        ]);
        await host.App.StartAsync();
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var places = host.App.Services.GetRequiredService<IStreetDirectory>().All
            .SelectMany(s => s.Profile.Communities.Select(c => (Street: s.Code, Community: c.Code))).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bench);
        var actor = new Actor("bench", "district-admin", "district", "bench");
        var centre = grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

        var onRecord = 0;
        var seeded = 0;
        var rankedSeeded = false;
        await FileCasesAsync("warm-up", 0); // JIT and first activations, not measured (they count as on record)
        foreach (var size in Sizes)
        {
            var toSeed = Math.Max(0, size - onRecord);
            await SeedCasesAsync(toSeed, seeded);
            seeded += toSeed;
            onRecord = Math.Max(onRecord, size);
            if (size >= RankedCases && !rankedSeeded)
            {
                await AssignAsync(RankedCases);
                rankedSeeded = true;
            }
            var rate = await FileCasesAsync("measured", onRecord);
            report($"cases accepted/s over HTTP, {size:N0} cases on record", $"{rate:0}", "8 clients, a new place each");
            report($"board's first page (50 cases), {size:N0} cases on record, median ms", $"{await MedianMsAsync(() => http.GetAsync("/api/dispatch/cases?limit=50")):0.0}", "all streets, district token");
            if (rankedSeeded)
                report($"a month's ranking over {RankedCases:N0} cases, {size:N0} cases on record, median ms", $"{await MedianMsAsync(() => http.GetAsync($"/api/dispatch/rankings/{month}")):0.0}", "the month's cases read from their index records");
        }

        async Task<double> FileCasesAsync(string run, int measuredAt) =>
            await Measurements.ThroughputAsync(8, duration, async (worker, n) =>
            {
                var (street, community) = places[(int)((worker * 7919 + n) % places.Length)];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
                {
                    Content = JsonContent.Create(new { street, community, category = "other", description = "压测案件", place = $"{run}{measuredAt}-{worker}-{n}" }),
                };
                request.Headers.Add("Idempotency-Key", $"{run}{measuredAt}-{worker}-{n}");
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Interlocked.Increment(ref onRecord);
            });

        var problems = 0;
        foreach (var size in Sizes)
        {
            await SeedProblemsAsync(size - problems, problems);
            problems = size;
            var measuredAt = size;
            var rate = await Measurements.ThroughputAsync(8, duration, async (worker, n) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems")
                {
                    Content = JsonContent.Create(new { category = "other", description = $"压测 {measuredAt}-{worker}-{n}", location = "测试" }),
                };
                request.Headers.Add("Idempotency-Key", $"p{measuredAt}-{worker}-{n}");
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            });
            report($"problems filed/s over HTTP into one grid holding {size:N0} problems", $"{rate:0}", "8 clients, the same grid");
        }
        await host.App.StopAsync();
        await host.DisposeAsync();

        async Task SeedCasesAsync(int count, int from)
        {
            foreach (var batch in Enumerable.Range(from, count).Chunk(256))
                await Task.WhenAll(batch.Select(async i =>
                {
                    var (street, community) = places[i % places.Length];
                    var outcome = await centre.ReceiveAsync(new NewCase(CaseSource.Street, $"seed-{i}", street, community, ProblemCategory.Other,
                        "既有案件", $"既有{i}号", null, null, null, actor), $"seed:{i}");
                    if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
                }));
        }

        // The first seeded cases verified and assigned this month, so the month's ranking counts them.
        async Task AssignAsync(int count)
        {
            var units = new[] { "urban", "municipal", "water", "housing" };
            foreach (var batch in Enumerable.Range(1, count).Chunk(256))
                await Task.WhenAll(batch.Select(async n =>
                {
                    var @case = grains.GetGrain<IDispatchCaseGrain>($"dc{month[..4]}-{n:D5}"); // the first cases filed this year
                    if ((await @case.VerifyAsync("属实", "既有原因", actor)).IsOk)
                        await @case.DeliberateAsync(units[n % units.Length], [], null, actor);
                }));
        }

        async Task SeedProblemsAsync(int count, int from)
        {
            var grid = grains.GetGrain<IGridGrain>(Grid);
            foreach (var batch in Enumerable.Range(from, count).Chunk(256))
                await Task.WhenAll(batch.Select(async i =>
                {
                    var outcome = await grid.FileAsync(new NewProblem(ProblemCategory.Other, $"既有问题 {i}", "测试", null, null, ProblemSource.Resident, null), actor, $"seed-{i}");
                    if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
                }));
        }
    }

    private static async Task<double> MedianMsAsync(Func<Task<HttpResponseMessage>> call)
    {
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await call();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Measurements.Percentile(times, 50);
    }
}
