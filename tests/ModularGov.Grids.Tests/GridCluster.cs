using Microsoft.Extensions.DependencyInjection;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using Orleans.Runtime;
using Orleans.Storage;
using ModularGov.Testing;
using Orleans.TestingHost;

namespace ModularGov.Grids.Tests;

/// <summary>A real two-silo Orleans cluster serving the bundled streets' grids, one per test class.</summary>
public sealed class GridCluster : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(services =>
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GridDirectory>();
        services.AddSingleton<IEscalationListener, RefusingCentre>();
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>The grain factory of one silo: a call through it enters the cluster there.</summary>
    public IGrainFactory Silo(int index) => _cluster.Silo(index);

    /// <summary>The cluster's grain storage, as a silo's grains see it.</summary>
    public IGrainStorage Storage(int index) => _cluster.Silos[index].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>The size of the grain's own stored state, as <paramref name="grainClass"/> declares it.</summary>
    public Task<int> StoredStateSizeAsync(Type grainClass, IAddressable grain) => _cluster.StoredStateSizeAsync(grainClass, grain.GetGrainId());

    /// <summary>Deactivates every idle grain in both silos, as a restart would: the next call activates them from storage.</summary>
    public Task DeactivateAllAsync() => Silo(0).GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
