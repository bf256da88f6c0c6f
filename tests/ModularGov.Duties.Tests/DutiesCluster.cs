using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Burden;
using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.TestingHost;

namespace ModularGov.Duties.Tests;

/// <summary>A real two-silo cluster serving the bundled streets' duties, one per test class.</summary>
public sealed class DutiesCluster : IAsyncLifetime
{
    internal static readonly PluginScan Streets = StreetPluginLoader.LoadAll(RepoPaths.BundledPlugins, ModuleCatalog.Shipped());

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IStreetDirectory>(new StreetDirectory(Streets.Loaded));
            silo.Services.AddSingleton(Indicators.Shipped());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
