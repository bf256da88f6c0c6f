using ModularGov.SharedKernel.Calendar;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Hosting;

/// <summary>Configuration section <c>Plugins</c>.</summary>
internal sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The street plugin folder; default <c>plugins/streets</c> beside the host executable.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "plugins", "streets");

    /// <summary>Refuse to start when any plugin folder is rejected (default: serve the others).</summary>
    public bool FailOnError { get; set; }
}

/// <summary>Configuration section <c>Orleans</c>: the in-process silo's endpoints and cluster identity.</summary>
internal sealed class SiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "modulargov-district";
    public string ServiceId { get; set; } = "modulargov";

    /// <summary>The address other silos reach this one at (a cluster member's own LAN address in production).</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>Orleans' shortest reminder period (its default is one minute; tests shorten it to see deadlines pass quickly).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Configuration section <c>Calendar</c>: where district IT adds years of the working-day calendar.</summary>
internal sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>A folder of <c>&lt;year&gt;.json</c> files, relative to the working directory like the data directory.</summary>
    public string Path { get; set; } = "calendar";

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>The shipped years with the folder's; a broken file refuses the start, naming the file.</summary>
    public WorkingCalendar Load()
    {
        try
        {
            return WorkingCalendar.WithYearsFrom(FullPath);
        }
        catch (CalendarDataException e)
        {
            throw new StartupRefusedException(e.Message);
        }
    }
}

/// <summary>The settings read before the host is built, because they decide how it is built.</summary>
internal sealed record HostSettings(StorageOptions Storage, PluginOptions Plugins, SiloOptions Silo, CalendarOptions Calendar, BackupOptions Backup)
{
    public static HostSettings From(IConfiguration configuration)
    {
        var settings = new HostSettings(
            configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new(),
            configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new(),
            configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new(),
            configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new(),
            configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new());
        if (!StorageProviders.All.Contains(settings.Storage.Provider))
            throw new StartupRefusedException(
                $"Storage:Provider '{settings.Storage.Provider}' is not one of {string.Join(", ", StorageProviders.All)}");
        return settings;
    }
}

/// <summary>The host will not start; the message says why, for the operator.</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);
