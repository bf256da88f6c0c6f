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
/// One district of the growth bench, in this process, on LiteDB without the fsync: seeded through grain calls with
/// <see cref="Size"/> cases (the first 10,000 of them assigned this month, for the ranking) and one grid holding
/// <see cref="Size"/> problems, then written to and read over HTTP.
/// </summary>
internal sealed class GrowthDistrict : IAsyncDisposable
{
    public const string Grid = "nanshanlu.g001";
    public const int RankedCases = 10_000;

    private static readonly Actor Bench = new("bench", "district-admin", "district", "bench");

    private readonly DistrictHost _host;
    private readonly (string Street, string Community)[] _places;
    private readonly IGrainFactory _grains;
    private int _cases;
    private int _problems;

    private GrowthDistrict(DistrictHost host, HttpClient http, int size)
    {
        _host = host;
        Http = http;
        Size = size;
        _grains = host.App.Services.GetRequiredService<IGrainFactory>();
        _places = host.App.Services.GetRequiredService<IStreetDirectory>().All
            .SelectMany(s => s.Profile.Communities.Select(c => (Street: s.Code, Community: c.Code))).ToArray();
    }

    public int Size { get; }
    public HttpClient Http { get; }
    public int Cases => _cases;
    public int Problems => _problems;

    public static string Month => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

    public static async Task<GrowthDistrict> StartAsync(string dataDir, string pluginPath, int size)
    {
        var host = DistrictHost.Create([
            "--urls=http://127.0.0.1:0", $"--Storage:DataDir={dataDir}", "--Storage:Fsync=false", $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Auth:BootstrapToken={TestTokens.Bench}", "--RateLimits:PermitsPerWindow=1000000", "--Logging:LogLevel:Default=Warning",
            $"--Plugins:Path={pluginPath}",
        ]);
        await host.App.StartAsync();
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bench);
        return new GrowthDistrict(host, http, size);
    }

    /// <summary>Seeds <see cref="Size"/> cases and problems through grain calls, then puts the seeded grains to rest.</summary>
    public async Task SeedAsync()
    {
        var centre = _grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        foreach (var batch in Enumerable.Range(0, Size).Chunk(256))
            await Task.WhenAll(batch.Select(async i =>
            {
                var (street, community) = _places[i % _places.Length];
                var outcome = await centre.ReceiveAsync(new NewCase
                {
                    Source = CaseSource.Street,
                    SourceRef = $"seed-{i}",
                    Street = street,
                    Community = community,
                    Category = ProblemCategory.Other,
                    Description = "既有案件",
                    Place = $"既有{i}号",
                    By = Bench,
                }, $"seed:{i}");
                if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
            }));
        _cases = Size;
        if (Size >= RankedCases)
            await AssignAsync();
        var grid = _grains.GetGrain<IGridGrain>(Grid);
        foreach (var batch in Enumerable.Range(0, Size).Chunk(256))
            await Task.WhenAll(batch.Select(async i =>
            {
                var outcome = await grid.FileAsync(new NewProblem
                {
                    Category = ProblemCategory.Other,
                    Description = $"既有问题 {i}",
                    Location = "测试",
                    Source = ProblemSource.Resident,
                }, Bench, $"seed-{i}");
                if (!outcome.IsOk) throw new InvalidOperationException(outcome.Reason);
            }));
        _problems = Size;
        await PutToRestAsync();
    }

    /// <summary>The first seeded cases verified and assigned this month, so the month's ranking counts them.</summary>
    private async Task AssignAsync()
    {
        var units = new[] { "urban", "municipal", "water", "housing" };
        var month = Month;
        foreach (var batch in Enumerable.Range(1, RankedCases).Chunk(256))
            await Task.WhenAll(batch.Select(async n =>
            {
                var @case = _grains.GetGrain<IDispatchCaseGrain>($"dc{month[..4]}-{n:D5}"); // the first cases filed this year
                if ((await @case.VerifyAsync("属实", "既有原因", Bench)).IsOk)
                    await @case.DeliberateAsync(units[n % units.Length], [], null, Bench);
            }));
    }

    /// <summary>
    /// Records on record were filed over months and are no longer in memory: the seeded activations are collected before
    /// measuring, so a figure is not the cost of a heap holding 100,000 idle grains.
    /// </summary>
    private async Task PutToRestAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        GC.Collect();
    }

    /// <summary>Files <paramref name="count"/> cases over HTTP from 8 clients, each at a new place; how many were accepted per second.</summary>
    public Task<double> FileCasesAsync(string run, int count) =>
        Measurements.ThroughputOfCountAsync(8, count, async (worker, n) =>
        {
            var (street, community) = _places[(int)((worker * 7919 + n) % _places.Length)];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
            {
                Content = JsonContent.Create(new { street, community, category = "other", description = "压测案件", place = $"{run}-{worker}-{n}" }),
            };
            request.Headers.Add("Idempotency-Key", $"{run}-{worker}-{n}");
            using var response = await Http.SendAsync(request);
            if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Interlocked.Increment(ref _cases);
        });

    /// <summary>Files <paramref name="count"/> problems into the seeded grid over HTTP from 8 clients; how many were accepted per second.</summary>
    public Task<double> FileProblemsAsync(string run, int count) =>
        Measurements.ThroughputOfCountAsync(8, count, async (worker, n) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems")
            {
                Content = JsonContent.Create(new { category = "other", description = $"压测 {run}-{worker}-{n}", location = "测试" }),
            };
            request.Headers.Add("Idempotency-Key", $"{run}-{worker}-{n}");
            using var response = await Http.SendAsync(request);
            if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Interlocked.Increment(ref _problems);
        });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.App.StopAsync();
        await _host.DisposeAsync();
    }
}
