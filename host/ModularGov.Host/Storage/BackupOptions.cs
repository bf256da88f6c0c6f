using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Storage;

/// <summary>Configuration section <c>Backup</c>.</summary>
internal sealed class BackupOptions : ICheckedOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups go; empty (the default) is <c>backups</c> beside the data directory. Relative to the working directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>Any folder will do; whether it can be written is found when a backup is taken, and said then.</summary>
    public IReadOnlyList<string> Problems() => [];

    public string FullPath(StorageOptions storage) =>
        System.IO.Path.GetFullPath(Path.Length > 0 ? Path : System.IO.Path.Combine(storage.FullDataDir, "..", "backups"));
}
