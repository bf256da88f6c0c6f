using System.Text.Encodings.Web;
using Microsoft.AspNetCore.HttpOverrides;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication;
using ModularGov.Host.Access;
using ModularGov.Host.Audit;
using ModularGov.Host.Http;
using ModularGov.Host.Plugins;
using ModularGov.Host.Storage;
using ModularGov.Host.Web;
using ModularGov.Host.Web.Live;
using ModularGov.SharedKernel.Web.Live;
using ModularGov.SharedKernel.Web;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.Streets;
using Orleans.Dashboard;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Builds the whole district host: street plugins loaded first (before anything else is built), the data
/// directory locked, then Autofac, the Orleans silo, access control and the HTTP API.
/// </summary>
internal sealed class DistrictHost : IAsyncDisposable
{
    private readonly DataDirectoryLock? _dataLock;

    private DistrictHost(WebApplication app, HostSettings settings, PluginScan plugins, DataDirectoryLock? dataLock)
    {
        App = app;
        Settings = settings;
        Plugins = plugins;
        _dataLock = dataLock;
    }

    public WebApplication App { get; }
    public HostSettings Settings { get; }
    public PluginScan Plugins { get; }

    /// <param name="args">Command-line switches, e.g. <c>--urls</c>, <c>--Storage:DataDir</c>.</param>
    /// <param name="modules">The core modules to host; <see cref="ModuleCatalog.Shipped"/> unless a test says otherwise.</param>
    /// <param name="replace">Registrations added after the host's own, replacing them (a test's failing disk, say).</param>
    public static DistrictHost Create(string[] args, IReadOnlyList<IModule>? modules = null, Action<IServiceCollection>? replace = null)
    {
        modules ??= ModuleCatalog.Shipped();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddDistrictSources(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:5000");

        var settings = HostSettings.From(builder.Configuration);
        var plugins = StreetPluginLoader.LoadAll(settings.Plugins.Path, modules);
        if (settings.Plugins.FailOnError && plugins.Rejected.Count > 0)
            throw new StartupRefusedException("Plugins:FailOnError is set and some street plugins were rejected:\n"
                + string.Join("\n", plugins.Rejected.Select(r => $"  {r.Folder}: {r.Reason}")));
        var calendar = settings.Calendar.Load();
        // Every form but Memory keeps a file there (in cluster mode this silo's operation log), which one process alone may open.
        var dataLock = settings.Storage.Provider == StorageProviders.Memory ? null : DataDirectoryLock.Acquire(settings.Storage.FullDataDir);
        try
        {
            ConfigureServices(builder, settings, plugins, modules, calendar);
            replace?.Invoke(builder.Services);
            var app = builder.Build();
            MapEndpoints(app, modules);
            return new DistrictHost(app, settings, plugins, dataLock);
        }
        catch
        {
            dataLock?.Dispose();
            throw;
        }
    }

    private static void ConfigureServices(WebApplicationBuilder builder, HostSettings settings, PluginScan plugins, IReadOnlyList<IModule> modules, WorkingCalendar calendar)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory(
            container => DistrictComposition.Register(container, builder.Configuration, plugins, modules, calendar)));
        builder.UseOrleans(silo =>
        {
            SiloSetup.Configure(silo, settings, plugins.Loaded.Select(s => s.Assembly));
            // A sample every 10 s, not every second: each one walks the grain directory's cache, which grows with every
            // grain the district has addressed (6 % of the CPU at 100,000 cases when sampled each second).
            silo.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs = 10_000);
        });

        var services = builder.Services;
        DistrictComposition.AddServices(services, builder.Configuration, modules);
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.DistrictAdmin, policy => policy.RequireClaim(
                TokenAuthenticationHandler.RoleClaim, Role.DistrictAdmin.Name()));
        services.AddProblemDetails();
        services.AddExceptionHandler<WritesStoppedHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddOpenApi();
        services.AddRazorComponents();
        // Pages write Chinese as it is, not as &#x...; entities (a third of the bytes, and searchable in the source).
        services.AddWebEncoders(web => web.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<IConsoleMenu>(ConsoleMenu.Of(modules));
        services.AddSingleton<LiveHub>();
        services.AddSingleton<ILiveStreams>(provider => provider.GetRequiredService<LiveHub>());
        services.AddHostedService(provider => provider.GetRequiredService<LiveHub>());
        RateLimits.Add(services, builder.Configuration);
        RequestLimits.Add(services, builder.Configuration);
        AddAudit(services, builder.Configuration, settings);
        PersonalData.Add(services, builder.Configuration, settings);
        var proxies = CheckedOptions.Bind<ProxyOptions>(builder.Configuration, ProxyOptions.Section);
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(proxies.ApplyTo);
        if (settings.Storage.Provider == StorageProviders.LiteDb)
            services.AddSingleton(provider => new OnlineBackups(
                provider.GetRequiredService<LiteDbStore>(), settings.Backup.FullPath(settings.Storage), provider.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The operation and sign-in log: in its own file beside the data (in memory with the data, for tests), purged daily.</summary>
    private static void AddAudit(IServiceCollection services, IConfiguration configuration, HostSettings settings)
    {
        services.AddCheckedOptions<AuditOptions>(configuration, AuditOptions.Section);
        services.AddSingleton(provider => new AuditTrail(
            settings.Storage.Provider == StorageProviders.Memory ? null : settings.Storage.FullDataDir,
            provider.GetRequiredService<AuditOptions>(), provider.GetRequiredService<ILogger<AuditTrail>>(), settings.Storage.Fsync));
        services.AddHostedService<AuditRetention>();
    }

    private static void MapEndpoints(WebApplication app, IReadOnlyList<IModule> modules)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ConsoleAssets.Use(app);
        // Authentication first (a malformed token costs nothing, a known or failed one is remembered, lookups per address
        // are limited), so the rate limiter can count each verified token on its own and everything else by address.
        app.UseAuthentication();
        // After authentication, so an entry names who acted; before the rate limiter, so a refusal for the rate is logged too.
        app.UseMiddleware<AuditMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRouteAndQueryLimits();
        app.UseDashboardSiloAddressCheck();

        app.MapOpenApi();
        HealthEndpoint.Map(app);
        SignInEndpoints.Map(app);
        ConsoleEndpoints.Map(app, modules);
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(AccessPolicies.DistrictAdmin);

        var api = app.MapGroup("/api").RequireAuthorization().RequireDeclaredAccess();
        StreetEndpoints.Map(api);
        BackupEndpoints.Map(api);
        AuditEndpoints.Map(api);
        foreach (var module in modules)
        {
            module.MapEndpoints(api);
            module.MapOutsideApi(app);
        }
    }

    /// <summary>Logs where the data lives and which streets loaded (or why not), then serves until stopped.</summary>
    public async Task RunAsync()
    {
        LogStartup();
        await App.RunAsync();
    }

    public void LogStartup()
    {
        var log = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ModularGov.Host");
        switch (Settings.Storage.Provider)
        {
            case StorageProviders.LiteDb:
                log.LogInformation("数据目录 (data directory): {DataDir} (LiteDb, file {File})", Settings.Storage.FullDataDir, LiteDbStore.FileName);
                break;
            case StorageProviders.Redis:
                log.LogInformation("集群模式 (cluster mode): clustering, state and reminders in Redis {Redis}, cluster {Cluster}, this silo {Ip}:{Port}",
                    Settings.Storage.Redis.Split(',')[0], Settings.Silo.ClusterId, Settings.Silo.AdvertisedIp, Settings.Silo.SiloPort);
                break;
            default:
                log.LogWarning("数据仅在内存中 (data in memory only): everything is lost on stop");
                break;
        }
        LogSiloTls(log);
        LogCalendar(log);
        log.LogInformation("插件目录 (plugin folder): {PluginRoot}", Plugins.PluginRoot);
        foreach (var street in Plugins.Loaded)
            log.LogInformation("已加载街道 (street loaded): {Code} {Name} v{Version} from {Folder}",
                street.Code, street.Profile.Name, street.PluginVersion, street.Folder);
        foreach (var rejection in Plugins.Rejected)
            log.LogError("未加载街道插件 (street plugin rejected): {Folder}: {Reason}", rejection.Folder, rejection.Reason);
    }

    /// <summary>The certificate silo-to-silo traffic runs under, and when to replace it; a warning when a lab runs without.</summary>
    private void LogSiloTls(ILogger log)
    {
        if (App.Services.GetService<SiloCertificates>() is { } tls)
        {
            log.LogInformation("集群通信已加密 (silo-to-silo TLS): this silo's certificate {Subject} (thumbprint {Thumbprint}) valid until {NotAfter:yyyy-MM-dd}; " +
                "peers must hold a certificate of {Authorities}", tls.Local.Subject, tls.Local.Thumbprint, tls.Local.NotAfter,
                string.Join("; ", tls.Authorities.Select(a => a.Subject)));
            if (tls.Local.NotAfter.ToUniversalTime() - App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime < TimeSpan.FromDays(30))
                log.LogWarning("集群证书将于 {NotAfter:yyyy-MM-dd} 到期,请及时更换 (this silo's certificate expires then: issue a new one and restart the silo; " +
                    "docs/operations.md, Ports and TLS)", tls.Local.NotAfter);
        }
        else if (Settings.Tls.Disabled)
        {
            log.LogWarning("集群通信未加密 (silo-to-silo traffic in plain text): Orleans:Tls:Disabled=true, so anyone reaching the silo port can join " +
                "the cluster and call every grain; for a lab only");
        }
    }

    /// <summary>Which years deadlines can be counted in; a warning while next year's holidays are still to be added.</summary>
    private void LogCalendar(ILogger log)
    {
        var calendar = App.Services.GetRequiredService<WorkingCalendar>();
        log.LogInformation("工作日历 (working-day calendar): {Years}, until {LastDay:yyyy-MM-dd}; more years in {Folder}",
            string.Join(", ", calendar.Years.Order()), calendar.LastDay, Settings.Calendar.FullPath);
        var today = DateOnly.FromDateTime(App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (calendar.LastDay.DayNumber - today.DayNumber < 60)
            log.LogWarning("工作日历将于 {LastDay:yyyy-MM-dd} 结束,请将 {Next}.json 放入 {Folder} (the calendar ends then: add that file to the folder " +
                "once the State Council publishes the year's holidays; deadlines past its end are refused)", calendar.LastDay, calendar.LastDay.Year + 1, Settings.Calendar.FullPath);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _dataLock?.Dispose();
    }
}
