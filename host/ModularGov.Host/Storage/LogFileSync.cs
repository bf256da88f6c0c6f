using System.Runtime.InteropServices;

namespace ModularGov.Host.Storage;

/// <summary>
/// fsync(2) on LiteDB's log file. LiteDB 5 writes each commit's pages to its log (<c>district-log.db</c>) with a
/// plain write, which survives a killed process (the pages are in the OS cache) but not a power loss; it flushes
/// to disk only when it copies the log into the data file. Calling fsync after a commit, before the write is
/// acknowledged, makes the acknowledgement durable. The file is opened with open(2) directly because .NET's own
/// open would take a flock that LiteDB's exclusive handle refuses.
/// </summary>
internal static partial class LogFileSync
{
    private const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Flushes the file's written pages to the disk; a file that does not exist (no log yet) needs nothing.</summary>
    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            if (File.Exists(path))
                throw new IOException($"cannot open {path} to flush it (errno {Marshal.GetLastPInvokeError()})");
            return;
        }
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"fsync of {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            Close(fd);
        }
    }
}
