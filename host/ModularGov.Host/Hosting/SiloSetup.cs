using System.Net;
using System.Reflection;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.State;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace ModularGov.Host.Hosting;

/// <summary>
/// The in-process Orleans silo: clustering, grain storage and reminders by <c>Storage:Provider</c>, and the street
/// plugins' serializable types. LiteDB and Memory run one silo on localhost clustering; Redis runs any number of
/// silos sharing clustering, state and reminders in one Redis (a cluster never shares a LiteDB file).
/// </summary>
internal static class SiloSetup
{
    public static void Configure(ISiloBuilder silo, HostSettings settings, IEnumerable<Assembly> pluginAssemblies)
    {
        var storage = settings.Storage;
        // Orleans' own binary format for stored state (version tolerant through the [Id]s) rather than its default
        // Newtonsoft JSON, which cost a seventh of the CPU of a filing in the benchmark.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        if (storage.Provider == StorageProviders.Redis)
            AddRedis(silo, settings);
        else
            silo.UseLocalhostClustering(settings.Silo.SiloPort, gatewayPort: 0, serviceId: settings.Silo.ServiceId, clusterId: settings.Silo.ClusterId);
        NoGateway(silo);
        if (settings.Tls.Configured)
            SiloTls.Use(silo, SiloCertificates.Load(settings.Tls));

        if (storage.Provider == StorageProviders.Memory)
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
        }
        else if (storage.Provider == StorageProviders.LiteDb)
        {
            silo.Services.AddSingleton(services => new LiteDbStore(storage.FullDataDir, services.GetRequiredService<ILogger<LiteDbStore>>(), storage.Fsync));
            silo.Services.AddGrainStorage(GrainStorage.Name, (services, _) => new LiteDbGrainStorage(
                services.GetRequiredService<LiteDbStore>(), services.GetRequiredService<IGrainStorageSerializer>()));
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(services => new LiteDbReminderTable(services.GetRequiredService<LiteDbStore>()));
        }
        silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = settings.Silo.MinimumReminderPeriod);
        AddGrainRules(silo);

        var assemblies = pluginAssemblies.ToList();
        silo.Services.AddSerializer(serializer =>
        {
            foreach (var assembly in assemblies)
                serializer.AddAssembly(assembly);
        });
    }

    /// <summary>What every silo of the district runs whatever its storage; the module tests' clusters add it too.</summary>
    public static void AddGrainRules(ISiloBuilder silo) => silo.AddIncomingGrainCallFilter<ForgetFailedCalls>();

    /// <summary>
    /// No Orleans gateway, whatever else configures the endpoints (Orleans defaults to a gateway on 30000, binds
    /// <c>Orleans:Endpoints</c> itself, and listens on a <c>GatewayListeningEndpoint</c> given there even with no gateway
    /// port): a gateway takes grain calls from any client that reaches it, with no token.
    /// The co-hosted web server calls grains in-process; nothing else needs to.
    /// </summary>
    private static void NoGateway(ISiloBuilder silo) => silo.Services.PostConfigure<EndpointOptions>(endpoints =>
    {
        endpoints.GatewayPort = 0;
        endpoints.GatewayListeningEndpoint = null;
    });

    private static void AddRedis(ISiloBuilder silo, HostSettings settings)
    {
        var redis = settings.Storage.Redis;
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = settings.Silo.ClusterId;
            cluster.ServiceId = settings.Silo.ServiceId;
        });
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = IPAddress.Parse(settings.Silo.AdvertisedIp);
            endpoints.SiloPort = settings.Silo.SiloPort;
        });
        silo.UseRedisClustering(redis);
        silo.AddRedisGrainStorage(GrainStorage.Name, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        silo.UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
    }
}
