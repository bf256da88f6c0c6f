using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Burden;
using ModularGov.Host.Plugins;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using Orleans.Storage;
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

    /// <summary>The cluster's grain storage, as a silo's grains see it.</summary>
    public IGrainStorage Storage(int index) => _cluster.Silos[index].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>Deactivates every idle grain in both silos, as a restart would: the next call activates them from storage.</summary>
    public Task DeactivateAllAsync() => Silo(0).GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>The size of the grain's own stored state, as <paramref name="grainClass"/> declares it.</summary>
    public Task<int> StoredStateSizeAsync(Type grainClass, IAddressable grain) => _cluster.StoredStateSizeAsync(grainClass, grain.GetGrainId());

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
