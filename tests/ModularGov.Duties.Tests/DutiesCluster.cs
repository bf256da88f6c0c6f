using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Burden;
using ModularGov.Host.Plugins;
using ModularGov.SharedKernel.Access;
using ModularGov.Testing;
using Orleans.TestingHost;

namespace ModularGov.Duties.Tests;

/// <summary>A real two-silo cluster serving the bundled streets' duties, one per test class.</summary>
public sealed class DutiesCluster : IAsyncLifetime
{
    internal static PluginScan Streets => TestClusters.Streets;

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(services =>
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Indicators.Shipped());
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => _cluster.Silo(index);

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
