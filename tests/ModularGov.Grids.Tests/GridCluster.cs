using Microsoft.Extensions.DependencyInjection;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.TestingHost;

namespace ModularGov.Grids.Tests;

/// <summary>A real two-silo Orleans cluster serving the bundled streets' grids, one per test class.</summary>
public sealed class GridCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IStreetDirectory>(BundledStreets.Directory());
            silo.Services.AddSingleton<GridDirectory>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The grain factory of one silo: a call through it enters the cluster there.</summary>
    public IGrainFactory Silo(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
