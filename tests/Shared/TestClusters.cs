using Autofac.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.TestingHost;

namespace ModularGov.Testing;

/// <summary>
/// The bundled streets, loaded once by the host's own loader, and real two-silo Orleans clusters serving them
/// (in-memory storage and reminders, the host's grain rules) for the module test projects, which link this file.
/// </summary>
internal static class TestClusters
{
    public static readonly PluginScan Streets = StreetPluginLoader.LoadAll(RepoPaths.BundledPlugins, ModuleCatalog.Shipped());

    /// <summary>
    /// Starts two silos; <paramref name="services"/> adds what the module under test needs (the street directory is there),
    /// and each of <paramref name="modules"/> registers its own services, as the host has it do, so a test of one module
    /// can run another it calls without seeing that module's internals.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(Action<IServiceCollection> services, params IModule[] modules)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // Stored state in Orleans' binary format, as the host has it (Orleans' default, Newtonsoft JSON, reads some records differently).
            silo.Services.AddSingleton<Orleans.Storage.IGrainStorageSerializer, Orleans.Storage.OrleansGrainStorageSerializer>();
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            SiloSetup.AddGrainRules(silo);
            silo.Services.AddSingleton<IStreetDirectory>(new StreetDirectory(Streets.Loaded));
            services(silo.Services);
        });
        if (modules.Length > 0)
            builder.ConfigureSiloHost((_, host) => host.ConfigureContainer(new AutofacServiceProviderFactory(container =>
            {
                foreach (var module in modules)
                    module.Register(container, host.Configuration);
            })));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static IGrainFactory Silo(this InProcessTestCluster cluster, int index) =>
        cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();
}
