using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using Orleans.Concurrency;

namespace ModularGov.Access.Contracts;

/// <summary>
/// What an API token grants, as recorded when it was issued: the role and scope, who it is for, who issued it (a
/// label people read) and the public id of the token that issued it (null when the host or its command line did).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TokenGrant(
    [property: Id(0)] Role Role,
    [property: Id(1)] Scope Scope,
    [property: Id(2)] string Label,
    [property: Id(3)] string IssuedBy,
    [property: Id(4)] string? IssuerTokenId = null);

/// <summary>The identity a token carries and the moment it stops carrying it.</summary>
[GenerateSerializer, Immutable]
public sealed record VerifiedToken([property: Id(0)] AccessIdentity Identity, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>
/// One API token, keyed by its public id (the first 16 hex digits of the token's SHA-256). Only the full hash is
/// stored, never the token. It keeps the ids of the tokens it issued in pages, so revoking it can revoke them too.
/// </summary>
[Alias("ModularGov.Access.IAccessTokenGrain")]
public interface IAccessTokenGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the token, issued at <paramref name="issuedAt"/>. Recording the same hash with the same grant again is a
    /// no-op, except that a later <paramref name="expiresAt"/> renews it (a bootstrap token is recorded at every start); anything else is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The id is in use by another token or grant, or the token was revoked.</exception>
    [Alias("Issue")]
    Task IssueAsync(string secretHash, TokenGrant grant, DateTimeOffset issuedAt, DateTimeOffset expiresAt);

    /// <summary>The identity the token carries, or null if the hash does not match, it was revoked or it has expired.</summary>
    [Alias("Verify")]
    Task<VerifiedToken?> VerifyAsync(string secretHash);

    /// <summary>
    /// The token was used at <paramref name="at"/>. Stored at most once per <c>TokenRecord.UseResolution</c>: callers
    /// report at most that often per token, and the grain drops reports closer than that to the last one it stored.
    /// </summary>
    [Alias("RecordUse"), OneWay]
    Task RecordUseAsync(DateTimeOffset at);

    /// <summary>True if a live token was revoked now, false if there was none or it was revoked already.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync();

    /// <summary>The token's record as an operator sees it (never the hash), or null if there is no such token.</summary>
    [Alias("GetRecord")]
    Task<TokenRecord?> GetRecordAsync();

    /// <summary>Notes a token this one issues, before that token is recorded; false (and nothing noted) if this token is not live.</summary>
    [Alias("AddIssued")]
    Task<bool> AddIssuedAsync(string tokenId);

    /// <summary>The ids of the tokens this one issued, oldest first, after position <paramref name="after"/>.</summary>
    [Alias("GetIssued")]
    Task<Page<string>> GetIssuedAsync(int after, int limit);

    /// <summary>Whether the token exists and is neither revoked nor expired.</summary>
    [Alias("IsLive")]
    Task<bool> IsLiveAsync();
}
