using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>Configuration section <c>Privacy</c>: how personal data is sealed at rest.</summary>
public sealed class PrivacyOptions : ICheckedOptions
{
    public const string Section = "Privacy";

    /// <summary>What new values are sealed with: <c>aes-gcm</c> (default) or <c>sm4-gcm</c>; values sealed before a change still open.</summary>
    public string Cipher { get; set; } = FieldCiphers.AesGcm;

    /// <summary>
    /// The key file, relative to the data directory unless absolute. By default it lives beside the data
    /// (<c>keys/personal-data.key</c>), so a single-machine district works on its first start with nothing to set up, and a
    /// restore of the data directory brings its key along. That also means a copy of the data directory is readable by
    /// whoever holds it: a district that backs up or ships the data elsewhere points this at a file kept apart, e.g. a
    /// mounted secret (<c>MODULARGOV__Privacy__KeyFile=/run/secrets/personal-data.key</c>), and backs that key up on its own.
    /// </summary>
    public string KeyFile { get; set; } = Path.Combine("keys", "personal-data.key");

    /// <summary>The key file's full path for the district's data directory.</summary>
    public string KeyFilePath(DataDirectory data) => Path.GetFullPath(Path.Combine(data.Path, KeyFile));

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .OneOf(nameof(Cipher), Cipher, FieldCiphers.All.ToArray())
        .NotEmpty(nameof(KeyFile), KeyFile)
        .Problems;
}
