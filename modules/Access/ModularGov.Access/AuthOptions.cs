using ModularGov.SharedKernel.Settings;

namespace ModularGov.Access;

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class AuthOptions : ICheckedOptions
{
    public const string Section = "Auth";

    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan LongestTokenLifetime = TimeSpan.FromDays(3650);

    private string? _fileToken;
    private string? _fileProblem;
    private bool _fileRead;

    /// <summary>
    /// A district-admin token chosen by the operator (so automation can start a host with a known token), usually
    /// from the environment (<c>Auth__BootstrapToken</c> or <c>MODULARGOV__Auth__BootstrapToken</c>). Recorded, hashed,
    /// at every start, which also renews its expiry; when set, no random first-start token is issued.
    /// </summary>
    public string? BootstrapToken { get; set; }

    /// <summary>A file holding the bootstrap token (e.g. a secret mounted by systemd or a container), instead of <see cref="BootstrapToken"/>.</summary>
    public string? BootstrapTokenFile { get; set; }

    /// <summary>How long a token lives: the default at issue and the longest an issuer may ask for.</summary>
    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    /// <summary>The bootstrap token, from <see cref="BootstrapToken"/> or the file <see cref="BootstrapTokenFile"/> names (trimmed), or null.</summary>
    public string? EffectiveBootstrapToken()
    {
        if (!string.IsNullOrEmpty(BootstrapToken))
            return BootstrapToken;
        if (string.IsNullOrWhiteSpace(BootstrapTokenFile))
            return null;
        ReadFile();
        return _fileToken;
    }

    /// <summary>A bootstrap token must be one a request can carry, and long enough not to be guessed: only its length is ever shown.</summary>
    public IReadOnlyList<string> Problems()
    {
        var checks = new SettingChecks(Section)
            .Between(nameof(TokenLifetime), TokenLifetime, TimeSpan.FromMinutes(1), LongestTokenLifetime);
        var inline = !string.IsNullOrEmpty(BootstrapToken);
        var fromFile = !string.IsNullOrWhiteSpace(BootstrapTokenFile);
        checks.That(!(inline && fromFile), nameof(BootstrapTokenFile), $"must not be set together with {Section}:{nameof(BootstrapToken)}", $"'{BootstrapTokenFile}'");
        if (inline)
            checks.That(TokenShape.IsBootstrapShaped(BootstrapToken!), nameof(BootstrapToken), $"must be {TokenShape.BootstrapShape}", $"{BootstrapToken!.Length} characters");
        else if (fromFile)
        {
            ReadFile();
            if (_fileProblem is not null)
                checks.That(false, nameof(BootstrapTokenFile), "must name a file this host can read", $"'{BootstrapTokenFile}': {_fileProblem}");
            else
                checks.That(TokenShape.IsBootstrapShaped(_fileToken!), nameof(BootstrapTokenFile), $"must hold a token of {TokenShape.BootstrapShape}",
                    $"'{BootstrapTokenFile}' holding {_fileToken!.Length} characters");
        }
        return checks.Problems;
    }

    private void ReadFile()
    {
        if (_fileRead)
            return;
        _fileRead = true;
        try
        {
            _fileToken = File.ReadAllText(BootstrapTokenFile!).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _fileProblem = e.Message;
        }
    }
}
