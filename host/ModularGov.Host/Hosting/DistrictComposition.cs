using Autofac;
using ModularGov.Host.Plugins;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Hosting;

/// <summary>The services every form of the district shares (the HTTP host and the offline command-line silo).</summary>
internal static class DistrictComposition
{
    /// <summary>What the modules add to the service collection (their checked options); before the container is built.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        foreach (var module in modules)
            module.AddServices(services, configuration);
    }

    public static void Register(ContainerBuilder container, IConfiguration configuration, PluginScan plugins, IReadOnlyList<IModule> modules, WorkingCalendar calendar)
    {
        // The system clock, unless a test put its own clock in the service collection (DistrictHost.Create's replace).
        container.RegisterInstance(TimeProvider.System).As<TimeProvider>().IfNotRegistered(typeof(TimeProvider));
        container.RegisterInstance(calendar);
        container.RegisterInstance(new DataDirectory(CheckedOptions.Bind<StorageOptions>(configuration, StorageOptions.Section).FullDataDir));
        container.RegisterInstance(new StreetDirectory(plugins.Loaded)).As<IStreetDirectory>();
        foreach (var module in modules)
            module.Register(container, configuration);
    }
}
