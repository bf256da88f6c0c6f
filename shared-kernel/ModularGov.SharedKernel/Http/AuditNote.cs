namespace ModularGov.SharedKernel.Http;

/// <summary>
/// What an endpoint adds to its request's log entry (a request feature the audit middleware sets before the endpoint runs):
/// a sign-in says it is one, who tried, and why it was refused. Every field is optional; never a secret.
/// </summary>
public sealed class AuditNote
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";

    /// <summary><see cref="SignIn"/> or <see cref="SignOut"/>; an operation when not set.</summary>
    public string? Kind { get; set; }

    /// <summary>Who acted, when the request carried no credential the middleware can read (the name a sign-in tried, say).</summary>
    public string? Actor { get; set; }

    public string? ActorLabel { get; set; }
    public string? Role { get; set; }
    public string? Scope { get; set; }
    public string? Detail { get; set; }

    /// <summary>A read the log must keep though it changed nothing: a whole view of personal data (个人信息 shown unmasked).</summary>
    public bool KeepRead { get; set; }
}
