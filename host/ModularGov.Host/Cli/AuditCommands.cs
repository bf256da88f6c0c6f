using ModularGov.Host.Audit;
using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>audit verify</c>: walks the operation and sign-in log of a stopped host's data directory and names the first entry altered
/// or removed. Exit 0 when the chain is intact, 1 when it is broken, 2 when it could not be checked (a running host holds the
/// directory: ask it at <c>GET /api/audit/verify</c> with an audit-admin token).
/// </summary>
internal static class AuditCommands
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args is not ["verify", .. var rest])
        {
            output.WriteLine("usage: audit verify [--Storage:DataDir <data directory>]");
            return 2;
        }
        var configuration = DistrictConfiguration.Build(rest);
        var settings = HostSettings.From(configuration);
        if (settings.Storage.Provider == StorageProviders.Memory)
            return CannotCheck(output, "Storage:Provider is Memory: the log lives only in the running host");
        var dataDir = settings.Storage.FullDataDir;
        if (!File.Exists(Path.Combine(dataDir, AuditTrail.FileName)))
            return CannotCheck(output, $"没有审计日志 (no {AuditTrail.FileName} in {dataDir})");
        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(dataDir);
        }
        catch (DataDirectoryInUseException e)
        {
            return CannotCheck(output, $"{e.Message}: while it runs, ask it with GET /api/audit/verify and an audit-admin token");
        }
        using (dataLock)
        using (var trail = OfflineAudit.Open(configuration, settings))
        {
            var result = trail.Verify();
            if (result.Intact)
            {
                output.WriteLine($"审计日志完整 (the log is intact): entries {result.FirstSeq}–{result.LastSeq}, {result.Checked} checked, last hash {result.LastHash}");
                return 0;
            }
            output.WriteLine($"审计日志已被篡改 (the log was tampered with) at entry {result.BrokenAt}: {result.Problem}");
            output.WriteLine($"  {result.Checked} entries from {result.FirstSeq} checked good before it");
            return 1;
        }
    }

    private static int CannotCheck(TextWriter output, string why)
    {
        output.WriteLine($"refused: {why}");
        return 2;
    }
}
