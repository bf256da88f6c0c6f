using System.Reflection;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.State;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace ModularGov.Host.Hosting;

/// <summary>The in-process Orleans silo: clustering, grain storage, and the street plugins' serializable types.</summary>
internal static class SiloSetup
{
    public static void Configure(ISiloBuilder silo, HostSettings settings, IEnumerable<Assembly> pluginAssemblies)
    {
        silo.UseLocalhostClustering(settings.Silo.SiloPort, settings.Silo.GatewayPort,
            serviceId: settings.Silo.ServiceId, clusterId: settings.Silo.ClusterId);
        silo.AddDistrictStorage(settings.Storage);
        silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = settings.Silo.MinimumReminderPeriod);
        var assemblies = pluginAssemblies.ToList();
        silo.Services.AddSerializer(serializer =>
        {
            foreach (var assembly in assemblies)
                serializer.AddAssembly(assembly);
        });
    }

    private static void AddDistrictStorage(this ISiloBuilder silo, StorageOptions storage)
    {
        if (storage.Provider == StorageProviders.Memory)
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            return;
        }
        silo.Services.AddSingleton(_ => new LiteDbStore(storage.FullDataDir, storage.Fsync));
        silo.Services.AddGrainStorage(GrainStorage.Name, (services, _) => new LiteDbGrainStorage(
            services.GetRequiredService<LiteDbStore>(), services.GetRequiredService<IGrainStorageSerializer>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(services => new LiteDbReminderTable(services.GetRequiredService<LiteDbStore>()));
    }
}
