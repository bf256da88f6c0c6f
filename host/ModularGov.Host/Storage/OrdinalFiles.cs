using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ModularGov.Host.Storage;

/// <summary>
/// Opens the district's LiteDB files with ordinal (byte-for-byte, case-sensitive) string comparison. LiteDB compares
/// keys with the culture of the machine that created the file, ignoring case, unless told otherwise: "Key-A" and
/// "key-a" would be one record (a client's idempotency key would replay another client's report), and the order of
/// the keys would depend on the server's locale. A file made that way is copied once, at open, into an ordinal one;
/// the original stays beside it.
/// </summary>
internal static class OrdinalFiles
{
    public static readonly Collation Ordinal = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>The suffix of the copy a migrated file leaves behind, kept until district IT deletes it.</summary>
    public const string BeforeOrdinal = ".before-ordinal";

    public static LiteDatabase Open(string file, ILogger log, BsonMapper? mapper = null)
    {
        if (file != ":memory:" && File.Exists(file))
            MigrateIfNeeded(file, log);
        return new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct, Collation = Ordinal }, mapper)
        {
            // BSON keeps instants in UTC, but LiteDB hands them back in the server's zone unless told otherwise.
            UtcDate = true,
        };
    }

    /// <summary>
    /// Copies every collection and index of a file made with another collation into a new ordinal file, then puts it in
    /// the file's place. Keys equal under the old collation cannot both exist, so every record copies as it is.
    /// LiteDB's own rebuild is not used: in 5.0.21 it fails on a collection with an index and more than 2,550 records.
    /// </summary>
    private static void MigrateIfNeeded(string file, ILogger log)
    {
        var copy = file + ".ordinal";
        DeleteWithLog(copy);
        string was;
        using (var source = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true })
        {
            if (source.Collation.SortOptions == CompareOptions.Ordinal)
                return;
            was = source.Collation.ToString();
            using var target = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, Collation = Ordinal }) { UtcDate = true };
            target.UserVersion = source.UserVersion;
            foreach (var name in source.GetCollectionNames())
                target.GetCollection(name).InsertBulk(source.GetCollection(name).FindAll());
            foreach (var index in source.GetCollection("$indexes").FindAll().Where(i => i["name"].AsString != "_id"))
                target.GetCollection(index["collection"].AsString).EnsureIndex(index["name"].AsString, index["expression"].AsString, index["unique"].AsBoolean);
            target.Checkpoint();
        }
        LogFileSync.Flush(copy);
        var aside = file + BeforeOrdinal;
        DeleteWithLog(aside);
        File.Move(file, aside);
        if (File.Exists(LogOf(file)))
            File.Move(LogOf(file), LogOf(aside));
        File.Move(copy, file);
        LogFileSync.Flush(Path.GetDirectoryName(Path.GetFullPath(file))!);
        log.LogWarning("数据文件已改为区分大小写的键比较 (store migrated to ordinal keys): {File} was {Collation}; the original is kept as {Aside}", file, was, aside);
    }

    private static void DeleteWithLog(string file)
    {
        File.Delete(file);
        File.Delete(LogOf(file));
    }

    /// <summary>Where LiteDB keeps a file's write-ahead log: beside it, "-log" before the extension.</summary>
    private static string LogOf(string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + "-log" + Path.GetExtension(file));
}
