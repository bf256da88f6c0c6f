namespace ModularGov.Host.Storage;

/// <summary>
/// An exclusive lock on the data directory, held for the life of the process. Two LiteDB instances on one
/// file lose writes silently on Linux, so a second host on the same directory must not start at all.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private const string LockFile = "modulargov.lock";
    private const string PidFile = "modulargov.pid";
    private readonly FileStream _lock;

    private DataDirectoryLock(FileStream @lock, string directory)
    {
        _lock = @lock;
        Directory = directory;
    }

    public string Directory { get; }

    public static DataDirectoryLock Acquire(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            // FileShare.None takes an exclusive flock(2) on Unix, released by the kernel when the process dies.
            var stream = new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(Path.Combine(directory, PidFile), Environment.ProcessId.ToString());
            return new DataDirectoryLock(stream, directory);
        }
        catch (IOException)
        {
            var holder = File.Exists(Path.Combine(directory, PidFile)) ? File.ReadAllText(Path.Combine(directory, PidFile)).Trim() : "unknown";
            throw new DataDirectoryInUseException(directory, holder);
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
    }
}

internal sealed class DataDirectoryInUseException(string directory, string holderPid)
    : Exception($"数据目录已被另一个 ModularGov 进程占用 (data directory in use by another ModularGov host, pid {holderPid}): {directory}");
