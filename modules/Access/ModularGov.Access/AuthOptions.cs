namespace ModularGov.Access;

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// A district-admin token chosen by the operator (so automation can start a host with a known token).
    /// Recorded, hashed, at every start; when set, no random first-start token is issued.
    /// </summary>
    public string? BootstrapToken { get; set; }
}
