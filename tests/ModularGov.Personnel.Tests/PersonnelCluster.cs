using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModularGov.Host.Plugins;
using ModularGov.Testing;
using Orleans.TestingHost;

namespace ModularGov.Personnel.Tests;

/// <summary>A real two-silo cluster serving the bundled streets' people, on a clock the tests move, one per test class.</summary>
public sealed class PersonnelCluster : IAsyncLifetime
{
    internal static PluginScan Streets => TestClusters.Streets;

    /// <summary>2026-12-01 09:00 in Yangquan.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>The district's defaults, but training counted over the shortest look-back (30 days), so a test moves the clock a month, not a year: each
    /// step of the fake clock runs every due Orleans timer.</summary>
    internal PersonnelOptions Options { get; } = new() { TrainingLookbackDays = 30 };

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Options);
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => _cluster.Silo(index);

    /// <summary>Deactivates every idle grain in both silos, as a restart would: the next call activates them from storage.</summary>
    public Task DeactivateAllAsync() => Silo(0).GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
