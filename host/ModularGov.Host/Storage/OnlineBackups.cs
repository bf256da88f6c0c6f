using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Storage;

/// <summary>Backups of the running host's store into the backup folder (<c>POST /api/admin/backups</c>), one at a time.</summary>
internal sealed class OnlineBackups(LiteDbStore store, string folder, TimeProvider clock)
{
    private int _taking;

    public string Folder => folder;

    /// <summary>The backup, or null when another one is being taken.</summary>
    public async Task<BackupTaken?> TryTakeAsync()
    {
        if (Interlocked.Exchange(ref _taking, 1) == 1)
            return null;
        try
        {
            Directory.CreateDirectory(folder);
            return await Backup.TakeAsync(store.CopyFilesAsync, folder, clock.Now());
        }
        finally
        {
            Volatile.Write(ref _taking, 0);
        }
    }
}
