using Microsoft.Extensions.Logging.Abstractions;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Audit;

/// <summary>
/// The log entry of a change made on the command line of a stopped host (which holds the data-directory lock, so it alone
/// opens the log): the same chain as the HTTP changes, with the command line as the actor.
/// </summary>
internal static class OfflineAudit
{
    /// <summary>The log of a stopped host's data directory, for a verb that holds the directory's lock.</summary>
    public static AuditTrail Open(IConfiguration configuration, HostSettings settings) =>
        new(settings.Storage.FullDataDir, CheckedOptions.Bind<AuditOptions>(configuration, AuditOptions.Section), NullLogger.Instance, settings.Storage.Fsync);

    public static async Task RecordAsync(IConfiguration configuration, HostSettings settings, string module, string action, string record, string outcome, string detail = "")
    {
        using var trail = Open(configuration, settings);
        await trail.AppendAsync(new AuditEntry
        {
            AtTicks = TimeProvider.System.GetUtcNow().UtcTicks,
            Actor = "command line",
            ActorLabel = $"{Environment.UserName}@{Environment.MachineName}",
            Module = module,
            Method = "CLI",
            Action = action,
            Record = record,
            Outcome = outcome,
            Detail = detail,
        });
    }
}
