using System.Globalization;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>
/// The TCP ports a process listens on, read from Linux's /proc: the listening sockets of the network namespace
/// (<c>/proc/&lt;pid&gt;/net/tcp</c> and <c>tcp6</c>) whose inodes are among the process's open file descriptors.
/// </summary>
internal static class ListeningPorts
{
    private const string Listen = "0A";

    public static IReadOnlySet<int> Of(int pid)
    {
        var sockets = OpenSocketInodes(pid);
        var ports = new HashSet<int>();
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            var path = $"/proc/{pid}/net/{table}";
            if (!File.Exists(path))
                continue;
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && sockets.Contains(fields[9]))
                    ports.Add(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }
        return ports;
    }

    private static HashSet<string> OpenSocketInodes(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed between listing and reading
            }
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                inodes.Add(target["socket:[".Length..^1]);
        }
        return inodes;
    }
}
