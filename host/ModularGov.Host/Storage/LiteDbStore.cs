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

    private readonly CommitQueue _commits;

    public LiteDbStore(string dataDir, bool fsyncOnCommit = true)
    {
        FilePath = Path.Combine(dataDir, FileName);
        LogPath = Path.Combine(dataDir, Path.GetFileNameWithoutExtension(FileName) + "-log" + Path.GetExtension(FileName));
        FsyncOnCommit = fsyncOnCommit;
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct })
        {
            // BSON keeps instants in UTC, but LiteDB hands them back in the server's zone unless told otherwise.
            UtcDate = true,
        };
        _commits = new CommitQueue(Database, MakeDurable);
    }

    public string FilePath { get; }

    /// <summary>LiteDB's write-ahead log beside the data file, where every commit lands first.</summary>
    public string LogPath { get; }

    public bool FsyncOnCommit { get; }

    public LiteDatabase Database { get; }

    /// <summary>
    /// Runs <paramref name="write"/> in the next group commit; completes once it is committed and on disk. The write
    /// runs on the commit thread and must check everything before it changes anything.
    /// </summary>
    public Task WriteAsync(Action write) => _commits.WriteAsync(write);

    /// <summary>Makes every commit so far durable against a power loss (see <see cref="LogFileSync"/>).</summary>
    public void MakeDurable()
    {
        if (FsyncOnCommit)
            LogFileSync.Flush(LogPath);
    }

    public void Dispose()
    {
        _commits.Dispose();
        Database.Dispose();
    }
}
