using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Cli;

/// <summary>
/// A short-lived silo on the district's data directory, for command-line verbs that change grain state while
/// no host is running (the data-directory lock makes sure of that). Its ports are picked free, so it never
/// collides with a host running elsewhere on the machine.
/// </summary>
internal static class OfflineSilo
{
    public static async Task<T> RunAsync<T>(HostSettings settings, Func<IServiceProvider, Task<T>> work)
    {
        using var dataLock = DataDirectoryLock.Acquire(settings.Storage.FullDataDir);
        var silo = settings.Silo;
        var offline = settings with
        {
            Silo = new SiloOptions { SiloPort = FreePort.Next(), GatewayPort = 0, ClusterId = silo.ClusterId + "-cli", ServiceId = silo.ServiceId },
        };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(s => SiloSetup.Configure(s, offline, []));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Access.TokenService>();
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
