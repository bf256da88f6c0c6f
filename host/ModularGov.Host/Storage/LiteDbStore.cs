using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> for the district's data file in this process (a DI singleton,
/// disposed when the host stops). Nothing else may open the file.
/// </summary>
internal sealed class LiteDbStore : IDisposable
{
    public const string FileName = "district.db";

    public LiteDbStore(string dataDir, bool fsyncOnCommit = true)
    {
        FilePath = Path.Combine(dataDir, FileName);
        LogPath = Path.Combine(dataDir, Path.GetFileNameWithoutExtension(FileName) + "-log" + Path.GetExtension(FileName));
        FsyncOnCommit = fsyncOnCommit;
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });
    }

    public string FilePath { get; }

    /// <summary>LiteDB's write-ahead log beside the data file, where every commit lands first.</summary>
    public string LogPath { get; }

    public bool FsyncOnCommit { get; }

    /// <summary>Makes every commit so far durable against a power loss (see <see cref="LogFileSync"/>); call it outside any lock.</summary>
    public void MakeDurable()
    {
        if (FsyncOnCommit)
            LogFileSync.Flush(LogPath);
    }

    public LiteDatabase Database { get; }

    public void Dispose() => Database.Dispose();
}
