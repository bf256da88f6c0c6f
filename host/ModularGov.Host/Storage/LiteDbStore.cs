using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> for the district's data file in this process (a DI singleton,
/// disposed when the host stops). Nothing else may open the file.
/// </summary>
internal sealed class LiteDbStore : IDisposable
{
    public const string FileName = "district.db";

    public LiteDbStore(string dataDir)
    {
        FilePath = Path.Combine(dataDir, FileName);
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public void Dispose() => Database.Dispose();
}
