using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> for the district's data file in this process (a DI singleton,
/// disposed when the host stops). Nothing else may open the file, and every write goes through
/// <see cref="WriteAsync"/>, the group commit.
/// </summary>
internal sealed class LiteDbStore : IDisposable
{
    public const string FileName = "district.db";

    /// <summary>LiteDB's name for the data file's write-ahead log, beside it.</summary>
    public const string LogFileName = "district-log.db";

    private readonly CommitQueue _commits;
    private readonly Action<string> _flush;

    /// <param name="flush">Flushes a file to disk; <see cref="LogFileSync.Flush"/> unless a test makes the disk fail.</param>
    public LiteDbStore(string dataDir, ILogger log, bool fsyncOnCommit = true, Action<string>? flush = null)
    {
        FilePath = Path.Combine(dataDir, FileName);
        LogPath = Path.Combine(dataDir, LogFileName);
        FsyncOnCommit = fsyncOnCommit;
        _flush = flush ?? LogFileSync.Flush;
        Database = OrdinalFiles.Open(FilePath, log);
        _commits = new CommitQueue(Database, MakeDurable, () => RolledBack?.Invoke(), log);
    }

    public string FilePath { get; }

    /// <summary>LiteDB's write-ahead log beside the data file, where every commit lands first.</summary>
    public string LogPath { get; }

    public bool FsyncOnCommit { get; }

    public LiteDatabase Database { get; }

    /// <summary>Raised on the commit thread after a rollback: whatever a write remembered beside the file may be untrue.</summary>
    public event Action? RolledBack;

    /// <summary>Why every write is refused since a flush to disk failed; null while writes are taken.</summary>
    public WritesStoppedException? WritesStopped => _commits.Stopped;

    /// <summary>
    /// Runs <paramref name="write"/> in the next group commit; completes once it is committed and on disk. The write
    /// runs on the commit thread and must check everything before it changes anything.
    /// </summary>
    public Task WriteAsync(Action write) => _commits.WriteAsync(write);

    /// <summary>
    /// Copies the data file and its log into <paramref name="folder"/> at a moment no write runs, for a backup. The copy is queued like a
    /// write, so it runs on the commit thread after the batch before it is committed and flushed, and before the next commit. The writes
    /// ahead of it in its own batch are not in the log yet (LiteDB keeps a transaction's pages in memory until it commits, or writes them
    /// unconfirmed, which opening the copy ignores), and nothing else writes either file meanwhile: checkpoints run on the commit thread
    /// too. So the copy holds exactly the commits so far, among them every write acknowledged before it was queued.
    /// </summary>
    public Task CopyFilesAsync(string folder) => WriteAsync(() => CopyFiles(Path.GetDirectoryName(FilePath)!, folder));

    /// <summary>Copies a store's data file and, when there is one, its log out of <paramref name="dataDir"/>, where no write may run meanwhile.</summary>
    public static void CopyFiles(string dataDir, string folder)
    {
        File.Copy(Path.Combine(dataDir, FileName), Path.Combine(folder, FileName));
        if (File.Exists(Path.Combine(dataDir, LogFileName)))
            File.Copy(Path.Combine(dataDir, LogFileName), Path.Combine(folder, LogFileName));
    }

    /// <summary>Makes every commit so far durable against a power loss (see <see cref="LogFileSync"/>).</summary>
    public void MakeDurable()
    {
        if (FsyncOnCommit)
            _flush(LogPath);
    }

    public void Dispose()
    {
        _commits.Dispose();
        Database.Dispose();
    }
}
