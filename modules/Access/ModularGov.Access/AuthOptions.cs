using ModularGov.SharedKernel.Settings;

namespace ModularGov.Access;

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class AuthOptions : ICheckedOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// A district-admin token chosen by the operator (so automation can start a host with a known token).
    /// Recorded, hashed, at every start; when set, no random first-start token is issued.
    /// </summary>
    public string? BootstrapToken { get; set; }

    /// <summary>A bootstrap token must be one a request can carry: the value itself is never shown, only its length.</summary>
    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .That(BootstrapToken is null || (BootstrapToken.Length <= TokenIssuer.MaxTokenLength && !BootstrapToken.Any(char.IsWhiteSpace)),
            nameof(BootstrapToken), $"must be at most {TokenIssuer.MaxTokenLength} characters without spaces",
            $"{BootstrapToken?.Length} characters")
        .Problems;
}
