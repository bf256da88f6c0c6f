using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiteDB;
using ModularGov.Bench;
using ModularGov.Grids.Contracts;
using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Access;
using ModularGov.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Measures, side by side in one run on this machine: the store's own durable insert rate, problems acknowledged
// through grain calls and through HTTP, latency at fixed offered rates, and start-up and recovery after kill -9.
// Prints the figures and writes them to docs/benchmarks.md with the date and the machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 5;
var duration = TimeSpan.FromSeconds(seconds);
// "writes-only" measures the store, grain, HTTP and latency figures and stops there, writing no report: for tuning.
var writesOnly = args.Contains("writes-only");
// "growth" measures only how costs grow with what is on record, and rewrites only that section of the report.
var growthOnly = args.Contains("growth");
// "console" measures only the console's page and live figures, and rewrites only that section of the report.
var consoleOnly = args.Contains("console");
var root = Path.Combine(Path.GetTempPath(), "modulargov-bench", Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
var rows = new List<(string Measure, string Figure, string Note)>();
var goals = new List<string>();
void Goal(string goal, bool met, string measured)
{
    goals.Add($"- {goal}: {(met ? "met" : "**not met**")} ({measured})");
    Console.WriteLine($"goal: {goal}: {(met ? "met" : "NOT MET")} ({measured})");
}
void Report(string measure, string figure, string note = "")
{
    rows.Add((measure, figure, note));
    Console.WriteLine($"{measure,-60} {figure,14}  {note}");
}

var docs = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "benchmarks.md"));
var bundledPlugins = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "host", "ModularGov.Host", "bin",
    new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "plugins", "streets"));
var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
var growthRows = new List<(string Measure, string Figure, string Note)>();
async Task MeasureGrowthAsync() => await Growth.RunAsync(root, bundledPlugins, (measure, figure, note) =>
{
    growthRows.Add((measure, figure, note));
    Console.WriteLine($"{measure,-60} {figure,14}  {note}");
});
if (consoleOnly)
{
    var consoleRows = await ConsoleBench.RunAsync(root, bundledPlugins);
    foreach (var (measure, figure, note) in consoleRows)
        Console.WriteLine($"{measure,-60} {figure,18}  {note}");
    var existing = File.ReadAllText(docs);
    var start = existing.IndexOf(ConsoleBench.Heading, StringComparison.Ordinal);
    var growth = existing.IndexOf(GrowthReport.Heading, StringComparison.Ordinal);
    var before = start >= 0 ? existing[..start] : growth >= 0 ? existing[..growth] : existing.TrimEnd() + "\n\n";
    var after = growth >= 0 ? existing[growth..] : "";
    File.WriteAllText(docs, before + ConsoleBench.Section(consoleRows, machine) + after);
    Console.WriteLine($"written to {docs}");
    Directory.Delete(root, recursive: true);
    return;
}
if (growthOnly)
{
    await MeasureGrowthAsync();
    var existing = File.Exists(docs) ? File.ReadAllText(docs) : "# Benchmarks\n";
    var cut = existing.IndexOf(GrowthReport.Heading, StringComparison.Ordinal);
    File.WriteAllText(docs, (cut < 0 ? existing.TrimEnd() + "\n\n" : existing[..cut]) + GrowthReport.Section(growthRows, machine, seconds));
    Console.WriteLine($"written to {docs}");
    Directory.Delete(root, recursive: true);
    return;
}

// 1. The store's limit: LiteDB inserts, each its own commit, with and without the fsync the host adds.
double storeLimit = 0;
foreach (var fsync in new[] { true, false })
{
    var folder = Path.Combine(root, $"raw-{fsync}");
    Directory.CreateDirectory(folder);
    using var store = new LiteDbStore(folder, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, fsync);
    var collection = store.Database.GetCollection("raw");
    var payload = new byte[1200];
    var gate = new Lock();
    var rate = await Measurements.ThroughputAsync(8, duration, (worker, n) =>
    {
        lock (gate)
            collection.Insert(new BsonDocument { ["_id"] = $"{worker}/{n}", ["data"] = payload });
        store.MakeDurable();
        return Task.CompletedTask;
    });
    Report($"raw LiteDB inserts/s, one commit each{(fsync ? ", fsync (durable)" : ", no fsync")}", $"{rate:0}", "8 writers, 1.2 KB documents");
    if (fsync)
        storeLimit = rate;
}

// 2–4. A district host on LiteDB, in this process, on free ports.
var dataDir = Path.Combine(root, "district");
var host = DistrictHost.Create([
    "--urls=http://127.0.0.1:0", $"--Storage:DataDir={dataDir}", $"--Orleans:SiloPort={FreePort.Next()}",
    $"--Auth:BootstrapToken={TestTokens.Bench}", "--RateLimits:PermitsPerWindow=1000000", "--Logging:LogLevel:Default=Warning",
    $"--Plugins:Path={bundledPlugins}",
]);
await host.App.StartAsync();
var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var grains = host.App.Services.GetRequiredService<IGrainFactory>();
var grids = Enumerable.Range(1, 96).Select(g => $"nanshanlu.g{g:D3}").ToArray();
var actor = new Actor("bench", "district-admin", "district", "bench");

var grainRate = await Measurements.ThroughputAsync(64, duration, async (worker, n) =>
{
    var outcome = await grains.GetGrain<IGridGrain>(grids[(worker + n) % grids.Length])
        .FileAsync(new NewProblem
        {
            Category = ProblemCategory.Other,
            Description = $"压测 {worker}-{n}",
            Location = "测试",
            Source = ProblemSource.Resident,
        }, actor, $"g-{worker}-{n}");
    if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
});
Report("problems acknowledged/s through grain calls (durable)", $"{grainRate:0}", "64 callers over 96 grids");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bench);
async Task FileOverHttpAsync(string key, string grid)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
    {
        Content = JsonContent.Create(new { category = "other", description = $"压测 {key}", location = "测试" }),
    };
    request.Headers.Add("Idempotency-Key", key);
    using var response = await http.SendAsync(request);
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
var httpRate = await Measurements.ThroughputAsync(64, duration, (worker, n) => FileOverHttpAsync($"h-{worker}-{n}", grids[(worker + n) % grids.Length]));
Report("problems acknowledged/s through HTTP (durable)", $"{httpRate:0}", "64 connections over 96 grids");
Goal("at least 2,000 acknowledged problems a second through HTTP", httpRate >= 2000, $"{httpRate:0}/s");
Goal("through grain calls and HTTP, at least half the store's durable limit", Math.Min(grainRate, httpRate) >= storeLimit / 2,
    $"{grainRate:0}/s and {httpRate:0}/s against {storeLimit:0}/s");

foreach (var rate in new[] { 100, 500, 1000 })
{
    var latencies = await Measurements.OpenLoopLatenciesAsync(rate, duration, i => FileOverHttpAsync($"l{rate}-{i}", grids[i % grids.Length]));
    Report($"latency of an acknowledged problem at {rate}/s offered (p50 / p99 / p99.9 ms)",
        $"{Measurements.Percentile(latencies, 50):0.0} / {Measurements.Percentile(latencies, 99):0.0} / {Measurements.Percentile(latencies, 99.9):0.0}",
        $"{latencies.Count} requests, open loop");
    if (rate == 500)
        Goal("p99 under 20 ms at 500 a second", Measurements.Percentile(latencies, 99) < 20, $"{Measurements.Percentile(latencies, 99):0.0} ms");
}
await host.App.StopAsync();
await host.DisposeAsync();
if (writesOnly)
{
    Directory.Delete(root, recursive: true);
    return;
}

// 5. Start-up of the real executable with the 4 bundled streets; then 200 times: file problems over HTTP, kill -9
// at a random moment, restart and time the answering again; finally check every acknowledged problem is there once.
var hostDll = Path.Combine(AppContext.BaseDirectory, "ModularGov.Host.dll");
var pluginPath = bundledPlugins;
async Task<(Process Process, Uri Address, TimeSpan Answering)> StartAsync(string plugins, string probeGrid)
{
    var processDir = Path.Combine(root, "process-" + new DirectoryInfo(plugins).Name);
    Directory.CreateDirectory(processDir);
    var port = FreePort.Next();
    var clock = Stopwatch.StartNew();
    var process = Process.Start(new ProcessStartInfo("dotnet", [hostDll, $"--urls=http://127.0.0.1:{port}", $"--Orleans:SiloPort={FreePort.Next()}",
        $"--Plugins:Path={plugins}", $"--Auth:BootstrapToken={TestTokens.Bench}", "--Logging:LogLevel:Default=Warning"])
    { WorkingDirectory = processDir, RedirectStandardOutput = true, RedirectStandardError = true })!;
    var address = new Uri($"http://127.0.0.1:{port}");
    using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
    probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bench);
    while (clock.Elapsed < TimeSpan.FromSeconds(120))
    {
        try
        {
            if ((await probe.GetAsync($"/api/grids/{probeGrid}")).IsSuccessStatusCode)
                return (process, address, clock.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }
        await Task.Delay(20);
    }
    throw new TimeoutException($"the host did not answer within 120 s: {process.StandardError.ReadToEnd()}");
}
async Task KillAsync(Process process)
{
    process.Kill(entireProcessTree: true);
    await process.WaitForExitAsync();
    process.Dispose();
}
var (running, runningAddress, started) = await StartAsync(pluginPath, "nanshanlu.g001");
Report("host start to first grid answered, 4 bundled streets (s)", $"{started.TotalSeconds:0.00}", "process start, LiteDB, first start");

const int killCycles = 200;
var acknowledged = new ConcurrentDictionary<string, string>();
var recoveries = new List<double>();
var random = new Random(20261125);
for (var cycle = 0; cycle < killCycles; cycle++)
{
    using var stop = new CancellationTokenSource();
    var writers = Enumerable.Range(0, 4).Select(w => KillRun.FileUntilKilledAsync(runningAddress, TestTokens.Bench, $"c{cycle:D3}w{w}", acknowledged, stop.Token)).ToList();
    await Task.Delay(random.Next(150, 900));
    await KillAsync(running);
    stop.Cancel();
    await Task.WhenAll(writers);
    TimeSpan recovered;
    (running, runningAddress, recovered) = await StartAsync(pluginPath, "nanshanlu.g001");
    recoveries.Add(recovered.TotalSeconds);
}
var killCheck = await KillRun.CheckAsync(runningAddress, TestTokens.Bench, acknowledged);
await KillAsync(running);
Report($"answering again after kill -9, restart to first grid (s), median / max of {killCycles}",
    $"{Measurements.Percentile(recoveries, 50):0.00} / {recoveries.Max():0.00}", "same data directory, killed while filing");
Goal("answering again under 10 s after kill -9", recoveries.Max() < 10, $"at worst {recoveries.Max():0.00} s of {killCycles}");
Report($"kill -9 under load: acknowledged / lost / stored twice, {killCycles} cycles",
    $"{acknowledged.Count} / {killCheck.Missing.Count} / {killCheck.StoredTwice}", $"4 HTTP writers, killed after 150–900 ms; {killCheck.Stored} problems stored");
Goal("no acknowledged problem lost or stored twice over 200 kills", killCheck.Missing.Count == 0 && killCheck.StoredTwice == 0,
    $"{killCheck.Missing.Count} lost, {killCheck.StoredTwice} twice, of {acknowledged.Count}");

// 6. Scale: 100 generated streets of 1,000 grids each, 100,000 grids in all.
const int generatedStreets = 100, gridsPerStreet = 1000;
var generatedRoot = Path.Combine(root, "generated");
StreetGenerator.Generate(generatedRoot, generatedStreets, gridsPerStreet);
var (large, _, largeStart) = await StartAsync(generatedRoot, "gen001.g00001");
Report($"host start to first grid answered, {generatedStreets} generated streets (s)", $"{largeStart.TotalSeconds:0.00}", $"{generatedStreets * gridsPerStreet:N0} grids, sample data");
await KillAsync(large);

var scale = DistrictHost.Create([
    "--urls=http://127.0.0.1:0", "--Storage:Provider=Memory", $"--Orleans:SiloPort={FreePort.Next()}",
    $"--Auth:BootstrapToken={TestTokens.Bench}", "--Logging:LogLevel:Default=Warning", $"--Plugins:Path={generatedRoot}",
]);
await scale.App.StartAsync();
var scaleGrains = scale.App.Services.GetRequiredService<IGrainFactory>();
var gridIds = Enumerable.Range(1, generatedStreets).SelectMany(st => Enumerable.Range(1, gridsPerStreet).Select(g => $"gen{st:D3}.g{g:D5}")).ToList();
foreach (var first1 in gridIds.Where(id => id.EndsWith(".g00001", StringComparison.Ordinal)))
    await scaleGrains.GetGrain<IGridGrain>(first1).GetSnapshotAsync(); // each street's plan is built once, before measuring
long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}
var heapBefore = Heap();
var rest = gridIds.Where(id => !id.EndsWith(".g00001", StringComparison.Ordinal)).ToList();
foreach (var batch in rest.Chunk(2000))
    await Task.WhenAll(batch.Select(id => scaleGrains.GetGrain<IGridGrain>(id).GetSnapshotAsync()));
var heapAfter = Heap();
var perGrain = (heapAfter - heapBefore) / (double)rest.Count;
Report($"memory per live grid grain, {gridIds.Count:N0} grids active (bytes)", $"{perGrain:0}",
    "managed heap growth per activation (empty grids, in-memory storage)");
Goal("under 16 KB per live grid grain", perGrain < 16 * 1024, $"{perGrain:0} bytes");
await scale.App.StopAsync();
await scale.DisposeAsync();

// 7. Growth with what is on record.
await MeasureGrowthAsync();

// The report.
var lines = new List<string>
{
    "# Benchmarks",
    "",
    $"Measured {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {machine}, with `dotnet run -c Release --project bench/ModularGov.Bench -- {seconds}` " +
        $"({seconds:0} s per throughput and latency measurement). Every figure comes from the same run. Durable means acknowledged only after LiteDB committed " +
        "the write and its log was fsynced (the host's default).",
    "",
    "| measure | figure | notes |",
    "|---|---|---|",
};
lines.AddRange(rows.Select(r => $"| {r.Measure} | {r.Figure} | {r.Note} |"));
lines.Add("");
lines.Add("Goals (issue 6), judged by this run:");
lines.Add("");
lines.AddRange(goals);
lines.Add("");
lines.Add("The generated streets are compiled at run time by `bench/ModularGov.Bench/StreetGenerator.cs` (entirely sample data). " +
    "The kill -9 run shares its workload and check with the test suite's 20-cycle `KillTests` (`tests/Shared/KillRun.cs`).");
lines.Add("");
var consoleFigures = await ConsoleBench.RunAsync(root, bundledPlugins);
File.WriteAllText(docs, string.Join("\n", lines) + "\n" + ConsoleBench.Section(consoleFigures, machine) + GrowthReport.Section(growthRows, machine, seconds));
Console.WriteLine($"written to {docs}");
try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException e)
{
    Console.WriteLine($"could not remove the benchmark's folder {root}: {e.Message}");
}
