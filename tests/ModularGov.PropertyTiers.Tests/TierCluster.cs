using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Plugins;
using ModularGov.Testing;
using Orleans.TestingHost;

namespace ModularGov.PropertyTiers.Tests;

/// <summary>A real two-silo cluster serving the bundled streets' tiers, one per test class.</summary>
public sealed class TierCluster : IAsyncLifetime
{
    internal static PluginScan Streets => TestClusters.Streets;

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(services => services.AddSingleton(TimeProvider.System));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => _cluster.Silo(index);

    public Orleans.TestingHost.InProcessTestCluster Cluster => _cluster;
}
