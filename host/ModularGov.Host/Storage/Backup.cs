using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// A backup is one LiteDB file, <c>district-&lt;yyyyMMdd-HHmmss&gt;.db</c> (China time; <c>-2</c>, <c>-3</c>… for more in the same
/// second), holding the whole store: grain state and the reminder table, which live in the same file (the lock and pid files beside it
/// are not data). The data file and its log are copied at a moment no write runs, then the copy is opened once, so that LiteDB folds
/// the log's committed transactions into it (and drops any it never confirmed): what lands in the backup folder is a file that has
/// opened, under its name only once it is whole.
/// </summary>
internal static class Backup
{
    /// <param name="copyStoreFiles">Copies the store's files into the folder it is given while no write runs.</param>
    public static async Task<BackupTaken> TakeAsync(Func<string, Task> copyStoreFiles, string folder, DateTimeOffset now)
    {
        var name = $"district-{now:yyyyMMdd-HHmmss}";
        var target = Path.Combine(folder, name + ".db");
        for (var n = 2; File.Exists(target); n++)
            target = Path.Combine(folder, $"{name}-{n}.db");
        var staging = Path.Combine(folder, $".{Path.GetFileName(target)}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            await copyStoreFiles(staging);
            var records = Fold(Path.Combine(staging, LiteDbStore.FileName));
            File.Move(Path.Combine(staging, LiteDbStore.FileName), target);
            LogFileSync.Flush(folder);
            return new BackupTaken(target, new FileInfo(target).Length, now, records);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Puts a backup in place as the store of <paramref name="dataDir"/>, which no host may hold. The backup is copied in and opened first
    /// (a file that is not a store is refused before anything changes); the store it replaces, data file and log together, is moved into
    /// <c>replaced-&lt;yyyyMMdd-HHmmss&gt;/</c>, never deleted: an old log left beside the restored file would be replayed onto it.
    /// </summary>
    public static Restored Restore(string backup, string dataDir, DateTimeOffset now)
    {
        if (!File.Exists(backup) || new FileInfo(backup).Length == 0)
            throw new BackupRefusedException($"没有这个备份文件 (no backup file at {backup})");
        using var dataLock = DataDirectoryLock.Acquire(dataDir);
        var staging = Path.Combine(dataDir, ".restoring");
        Directory.CreateDirectory(staging);
        try
        {
            var incoming = Path.Combine(staging, LiteDbStore.FileName);
            File.Copy(backup, incoming, overwrite: true);
            IReadOnlyDictionary<string, int> records;
            try
            {
                records = Fold(incoming);
            }
            catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
            {
                // LiteDB answers a file that is not one of its own with whatever its header parsing throws.
                throw new BackupRefusedException($"不是可用的备份 (not a ModularGov backup: {backup}: {e.Message})");
            }
            var replaced = MoveAside(dataDir, Path.Combine(dataDir, $"replaced-{now:yyyyMMdd-HHmmss}"));
            File.Move(incoming, Path.Combine(dataDir, LiteDbStore.FileName));
            LogFileSync.Flush(dataDir);
            return new Restored(dataDir, records, replaced);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Opens a copied store with LiteDB, which folds its log into the file; flushes the file and counts its records.</summary>
    private static IReadOnlyDictionary<string, int> Fold(string file)
    {
        Dictionary<string, int> records;
        using (var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }))
        {
            database.Checkpoint();
            records = database.GetCollectionNames().Order().ToDictionary(name => name, name => database.GetCollection(name).Count());
        }
        LogFileSync.Flush(file);
        return records;
    }

    /// <summary>Moves the data directory's store files into <paramref name="aside"/>; the folder, or null when there were none.</summary>
    private static string? MoveAside(string dataDir, string aside)
    {
        var present = new[] { LiteDbStore.FileName, LiteDbStore.LogFileName }.Where(name => File.Exists(Path.Combine(dataDir, name))).ToList();
        if (present.Count == 0)
            return null;
        Directory.CreateDirectory(aside);
        foreach (var name in present)
            File.Move(Path.Combine(dataDir, name), Path.Combine(aside, name));
        return aside;
    }
}

/// <summary>A backup: where it is, its size, when it was taken and the records it holds per collection.</summary>
internal sealed record BackupTaken(string File, long Bytes, DateTimeOffset TakenAt, IReadOnlyDictionary<string, int> Records);

/// <summary>A restore: the data directory, the records now in it, and where the store it replaced went (null when there was none).</summary>
internal sealed record Restored(string DataDir, IReadOnlyDictionary<string, int> Records, string? Replaced);

/// <summary>A restore refused for a reason the operator can act on; nothing was changed.</summary>
internal sealed class BackupRefusedException(string message) : Exception(message);
