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
using Orleans.Runtime;

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

    /// <summary>
    /// Records filed in each of a rate's three windows. A count, not a time: every record filed while measuring is on record
    /// too, so a window of a fixed time filed more at the smaller sizes than the size itself (a 30-second window at the
    /// 1,000 size put some 10,000 cases on record), and the label lied. The note beside each rate says how many were on record
    /// from its first window's start to its last's end.
    /// </summary>
    private const int CasesPerWindow = 1_000;
    private const int ProblemsPerWindow = 3_000;
    private const int WarmUpCases = 3_000;
    private const string Grid = "nanshanlu.g001";

    public static async Task RunAsync(string root, string pluginPath, Action<string, string, string> report)
    {
        await WarmUpAsync(root, pluginPath);
        var (host, http, places) = await StartAsync(Path.Combine(root, "growth"), pluginPath);
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var actor = new Actor("bench", "district-admin", "district", "bench");
        var centre = grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

        var onRecord = 0;
        var seeded = 0;
        var rankedSeeded = false;
        foreach (var size in Sizes)
        {
            var toSeed = Math.Max(0, size - onRecord);
            Console.Error.WriteLine($"growth: seeding {toSeed:N0} cases");
            await SeedCasesAsync(toSeed, seeded);
            seeded += toSeed;
            onRecord = Math.Max(onRecord, size);
            if (size >= RankedCases && !rankedSeeded)
            {
                await AssignAsync(RankedCases);
                rankedSeeded = true;
            }
            await PutToRestAsync();
            Console.Error.WriteLine($"growth: measuring with {size:N0} cases on record");
            // The reads first, while nothing else runs; then the writes.
            // The largest page: a page of 50 costs about the HTTP round trip alone, so it would show the noise, not the board.
            report($"board's first page (500 cases), {size:N0} cases on record, median ms", $"{await MedianMsAsync(() => http.GetAsync("/api/dispatch/cases?limit=500")):0.00}", "all streets, district token");
            if (rankedSeeded)
                report($"a month's ranking over {RankedCases:N0} cases, {size:N0} cases on record, median ms", $"{await MedianMsAsync(() => http.GetAsync($"/api/dispatch/rankings/{month}")):0.0}", "the month's cases read from their index records");
            var from = onRecord;
            var rate = await MedianOfWindowsAsync(window => FileCasesAsync($"measured{window}-", from, CasesPerWindow));
            report($"cases accepted/s over HTTP, {size:N0} cases on record", $"{rate:0}", $"8 clients, a new place each; {from:N0} → {onRecord:N0} on record while measured");
        }

        async Task<double> FileCasesAsync(string run, int measuredAt, int count) =>
            await Growth.FileCasesAsync(http, places, $"{run}{measuredAt}", count, () => Interlocked.Increment(ref onRecord));

        var problems = 0;
        foreach (var size in Sizes)
        {
            await SeedProblemsAsync(Math.Max(0, size - problems), problems);
            problems = Math.Max(problems, size);
            await PutToRestAsync();
            var measuredAt = size;
            var rate = await MedianOfWindowsAsync(window => Measurements.ThroughputOfCountAsync(8, ProblemsPerWindow, async (worker, n) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems")
                {
                    Content = JsonContent.Create(new { category = "other", description = $"压测 {measuredAt}-{worker}-{n}", location = "测试" }),
                };
                request.Headers.Add("Idempotency-Key", $"p{measuredAt}-{window}-{worker}-{n}");
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }));
            problems += 3 * ProblemsPerWindow;
            report($"problems filed/s over HTTP into one grid holding {size:N0} problems", $"{rate:0}", $"8 clients, the same grid; {size:N0} → {problems:N0} in it while measured");
        }
        http.Dispose();
        await host.App.StopAsync();
        await host.DisposeAsync();

        // Records on record were filed over months and are no longer in memory: the seeded activations are collected
        // before measuring, so the figure is not the cost of a heap holding 100,000 idle grains.
        async Task PutToRestAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
            GC.Collect();
        }

        async Task SeedCasesAsync(int count, int from)
        {
            foreach (var batch in Enumerable.Range(from, count).Chunk(256))
                await Task.WhenAll(batch.Select(async i =>
                {
                    var (street, community) = places[i % places.Length];
                    var outcome = await centre.ReceiveAsync(new NewCase
                    {
                        Source = CaseSource.Street,
                        SourceRef = $"seed-{i}",
                        Street = street,
                        Community = community,
                        Category = ProblemCategory.Other,
                        Description = "既有案件",
                        Place = $"既有{i}号",
                        By = actor,
                    }, $"seed:{i}");
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
                    var outcome = await grid.FileAsync(new NewProblem
                    {
                        Category = ProblemCategory.Other,
                        Description = $"既有问题 {i}",
                        Location = "测试",
                        Source = ProblemSource.Resident,
                    }, actor, $"seed-{i}");
                    if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
                }));
        }
    }

    /// <summary>
    /// Files cases, problems and reads the board on a throwaway district in this process before the measured one starts: the
    /// code is compiled and past tiered JIT's first tier, and not one record of the warm-up is on the measured district's record
    /// (warming up there put more cases on record than the 1,000 size itself, and a short warm-up left its first size slower).
    /// </summary>
    private static async Task WarmUpAsync(string root, string pluginPath)
    {
        var (host, http, places) = await StartAsync(Path.Combine(root, "growth-warm-up"), pluginPath);
        await FileCasesAsync(http, places, "warm-up", WarmUpCases, () => { });
        await Measurements.ThroughputOfCountAsync(8, WarmUpCases, async (worker, n) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems")
            {
                Content = JsonContent.Create(new { category = "other", description = $"预热 {worker}-{n}", location = "测试" }),
            };
            request.Headers.Add("Idempotency-Key", $"warm-up-{worker}-{n}");
            (await http.SendAsync(request)).Dispose();
        });
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(5))
            (await http.GetAsync("/api/dispatch/cases?limit=500")).Dispose();
        http.Dispose();
        await host.App.StopAsync();
        await host.DisposeAsync();
    }

    private static async Task<(DistrictHost Host, HttpClient Http, (string Street, string Community)[] Places)> StartAsync(string dataDir, string pluginPath)
    {
        var host = DistrictHost.Create([
            "--urls=http://127.0.0.1:0", $"--Storage:DataDir={dataDir}", "--Storage:Fsync=false", $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Auth:BootstrapToken={TestTokens.Bench}", "--RateLimits:PermitsPerWindow=1000000", "--Logging:LogLevel:Default=Warning",
            $"--Plugins:Path={pluginPath}",
        ]);
        await host.App.StartAsync();
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var places = host.App.Services.GetRequiredService<IStreetDirectory>().All
            .SelectMany(s => s.Profile.Communities.Select(c => (Street: s.Code, Community: c.Code))).ToArray();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bench);
        return (host, http, places);
    }

    /// <summary>Files <paramref name="count"/> cases over HTTP from 8 clients, each at a new place, and returns how many were accepted per second.</summary>
    private static Task<double> FileCasesAsync(HttpClient http, (string Street, string Community)[] places, string run, int count, Action filed) =>
        Measurements.ThroughputOfCountAsync(8, count, async (worker, n) =>
        {
            var (street, community) = places[(int)((worker * 7919 + n) % places.Length)];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
            {
                Content = JsonContent.Create(new { street, community, category = "other", description = "压测案件", place = $"{run}-{worker}-{n}" }),
            };
            request.Headers.Add("Idempotency-Key", $"{run}-{worker}-{n}");
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            filed();
        });

    /// <summary>
    /// The median of three windows: on two cores shared by the load and the host, one window's figure moves by a fifth
    /// from run to run; the median of three moves much less.
    /// </summary>
    private static async Task<double> MedianOfWindowsAsync(Func<int, Task<double>> measure)
    {
        var rates = new List<double>();
        for (var window = 0; window < 3; window++)
            rates.Add(await measure(window));
        return rates.Order().ElementAt(1);
    }

    /// <summary>
    /// The median of three rounds' medians, 51 calls each, after a warm-up: on this 2-core machine one round's median
    /// moved by up to a third from the next round's at the same size, so one round measured the machine, not the read.
    /// </summary>
    private static async Task<double> MedianMsAsync(Func<Task<HttpResponseMessage>> call)
    {
        // Warm-up, for three seconds: the first reads activate the grains, fill LiteDB's cache and take the code past
        // tiered JIT's first tier (a read measured right after seeding was cold, whatever the size).
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(3))
            (await call()).Dispose();
        var medians = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var times = new List<double>();
            for (var i = 0; i < 51; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await call();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            medians.Add(Measurements.Percentile(times, 50));
        }
        return medians.Order().ElementAt(1);
    }
}
