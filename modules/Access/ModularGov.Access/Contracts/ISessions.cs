namespace ModularGov.Access.Contracts;

/// <summary>People signing in and out, and the session a cookie carries; the host's view of accounts.</summary>
public interface ISessions
{
    /// <summary>The session cookie's name: its value is the session's random id, its grain the id's SHA-256.</summary>
    public const string CookieName = "modulargov_session";

    /// <summary>The console page where a session that must change its password does so (and all it may open until then).</summary>
    public const string PasswordPage = "/account/password";

    /// <summary>The console page where a session that must enrol a second factor does so (and all it may open until then).</summary>
    public const string SecondFactorPage = "/account/second-factor";

    Task<SignInResult> SignInAsync(SignInRequest request, string address, string browser);

    /// <summary>What the session acts as, or null for a malformed, unknown or ended session id.</summary>
    Task<SessionIdentity?> AuthenticateAsync(string sessionId);

    /// <summary>Ends the session; false when there was none to end.</summary>
    Task<bool> SignOutAsync(string sessionId);
}

/// <summary>A sign-in: the name, the password, the second factor's code (or a recovery code), and which grant to act as (the first when not given).</summary>
public sealed record SignInRequest(string? Login, string? Password, string? Code = null, string? Role = null, string? Scope = null);

/// <summary>How a sign-in ended: on success the new session's id (for the cookie, shown nowhere else) and what it acts as.</summary>
public sealed record SignInResult(SignInStatus Status, string? SessionId = null, SessionIdentity? Session = null, DateTimeOffset? LockedUntil = null, string? Error = null)
{
    /// <summary>Who tried, for the sign-in log: the name as normalized, whether or not an account has it.</summary>
    public string Login { get; init; } = "";
}
