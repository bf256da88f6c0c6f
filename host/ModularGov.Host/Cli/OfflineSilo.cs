using Autofac.Extensions.DependencyInjection;
using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Cli;

/// <summary>
/// The district without HTTP, for command-line verbs that change grain state while no host is running (the
/// data-directory lock makes sure of that). Same composition as the host; its silo port is picked free, so
/// it never collides with a host running elsewhere on the machine.
/// </summary>
internal static class OfflineSilo
{
    public static async Task<T> RunAsync<T>(IConfiguration configuration, HostSettings settings, Func<IServiceProvider, Task<T>> work)
    {
        if (settings.Storage.Provider != StorageProviders.LiteDb)
            throw new StartupRefusedException($"Storage:Provider is {settings.Storage.Provider}: a command-line verb needs the district's LiteDB data; use the HTTP API on the running host");
        var calendar = settings.Calendar.Load();
        using var dataLock = DataDirectoryLock.Acquire(settings.Storage.FullDataDir);
        var offline = settings with
        {
            Silo = new SiloOptions { SiloPort = FreePort.Next(), ClusterId = settings.Silo.ClusterId, ServiceId = settings.Silo.ServiceId },
        };
        var modules = ModuleCatalog.Shipped();
        var plugins = StreetPluginLoader.LoadAll(settings.Plugins.Path, modules);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        DistrictComposition.AddServices(builder.Services, configuration, modules);
        builder.ConfigureContainer(new AutofacServiceProviderFactory(
            container => DistrictComposition.Register(container, configuration, plugins, modules, calendar)));
        builder.UseOrleans(silo => SiloSetup.Configure(silo, offline, plugins.Loaded.Select(s => s.Assembly)));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await work(host.Services);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
