using System.Net;
using Microsoft.Extensions.Options;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>Configuration section <c>Plugins</c>.</summary>
internal sealed class PluginOptions : ICheckedOptions
{
    public const string Section = "Plugins";

    /// <summary>The street plugin folder; default <c>plugins/streets</c> beside the host executable.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "plugins", "streets");

    /// <summary>Refuse to start when any plugin folder is rejected (default: serve the others).</summary>
    public bool FailOnError { get; set; }

    public IReadOnlyList<string> Problems() => new SettingChecks(Section).NotEmpty(nameof(Path), Path).Problems;
}

/// <summary>Configuration section <c>Orleans</c>: the in-process silo's endpoints and cluster identity.</summary>
internal sealed class SiloOptions : ICheckedOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Not a setting: the host opens no Orleans gateway (no client outside the silo calls grains, and a gateway lets
    /// whoever reaches it call any grain without a token). Bound only so that a configured port refuses the start.
    /// </summary>
    public int GatewayPort { get; set; }

    public string ClusterId { get; set; } = "modulargov-district";
    public string ServiceId { get; set; } = "modulargov";

    /// <summary>The address other silos reach this one at (a cluster member's own LAN address in production).</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>Orleans' shortest reminder period (its default is one minute; tests shorten it to see deadlines pass quickly).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(SiloPort), SiloPort, 1, 65535)
        .That(GatewayPort == 0, nameof(GatewayPort),
            "must be 0 or absent: the host opens no Orleans gateway, which would let anyone reaching it call every grain without a token (docs/operations.md, Ports and TLS)",
            GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .NotEmpty(nameof(ClusterId), ClusterId)
        .NotEmpty(nameof(ServiceId), ServiceId)
        .That(IPAddress.TryParse(AdvertisedIp, out _), nameof(AdvertisedIp), "must be an IP address", $"'{AdvertisedIp}'")
        .Between(nameof(MinimumReminderPeriod), MinimumReminderPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .Problems;
}

/// <summary>Configuration section <c>Calendar</c>: where district IT adds years of the working-day calendar.</summary>
internal sealed class CalendarOptions : ICheckedOptions
{
    public const string Section = "Calendar";

    /// <summary>A folder of <c>&lt;year&gt;.json</c> files, relative to the working directory like the data directory.</summary>
    public string Path { get; set; } = "calendar";

    public string FullPath => System.IO.Path.GetFullPath(Path);

    public IReadOnlyList<string> Problems() => new SettingChecks(Section).NotEmpty(nameof(Path), Path).Problems;

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

/// <summary>
/// The settings read before the host is built, because they decide how it is built; each section is bound and checked
/// at once, so a bad value refuses the start (<see cref="Microsoft.Extensions.Options.OptionsValidationException"/>) naming the key.
/// </summary>
internal sealed record HostSettings(StorageOptions Storage, PluginOptions Plugins, SiloOptions Silo, CalendarOptions Calendar, BackupOptions Backup, SiloTlsOptions Tls)
{
    public static HostSettings From(IConfiguration configuration)
    {
        var settings = new HostSettings(
            CheckedOptions.Bind<StorageOptions>(configuration, StorageOptions.Section),
            CheckedOptions.Bind<PluginOptions>(configuration, PluginOptions.Section),
            CheckedOptions.Bind<SiloOptions>(configuration, SiloOptions.Section),
            CheckedOptions.Bind<CalendarOptions>(configuration, CalendarOptions.Section),
            CheckedOptions.Bind<BackupOptions>(configuration, BackupOptions.Section),
            CheckedOptions.Bind<SiloTlsOptions>(configuration, SiloTlsOptions.Section));
        if (settings.Storage.Provider == StorageProviders.Redis && settings.Tls.ClusterProblems() is { Count: > 0 } problems)
            throw new OptionsValidationException(Options.DefaultName, typeof(SiloTlsOptions), problems);
        return settings;
    }
}

/// <summary>The host will not start; the message says why, for the operator.</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);
