using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Contracts;

/// <summary>What an API token grants, as recorded when it was issued.</summary>
[GenerateSerializer, Immutable]
public sealed record TokenGrant(
    [property: Id(0)] Role Role,
    [property: Id(1)] Scope Scope,
    [property: Id(2)] string Label,
    [property: Id(3)] string IssuedBy);

/// <summary>
/// One API token, keyed by its public id (the first 16 hex digits of the token's SHA-256). Only the full
/// hash is stored, never the token.
/// </summary>
[Alias("ModularGov.Access.IAccessTokenGrain")]
public interface IAccessTokenGrain : IGrainWithStringKey
{
    /// <summary>Records the token. Issuing the same hash with the same grant again is a no-op.</summary>
    [Alias("Issue")]
    Task IssueAsync(string secretHash, TokenGrant grant);

    /// <summary>The identity the token carries, or null if the hash does not match or it was revoked.</summary>
    [Alias("Verify")]
    Task<AccessIdentity?> VerifyAsync(string secretHash);

    /// <summary>True if a live token was revoked, false if there was none.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync();
}
