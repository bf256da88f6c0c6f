using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Contracts;

/// <summary>Issues, checks, lists and revokes API tokens. A token is shown once, when issued; only its hash is kept.</summary>
public interface ITokenIssuer
{
    /// <summary>Issues a token if <paramref name="issuer"/> may grant that role in that scope (only roles below its own).</summary>
    Task<TokenIssueResult> IssueAsync(AccessIdentity issuer, TokenRequest request);

    /// <summary>
    /// Issues a token on the host's own authority (its command line, its first start): any role, district admins
    /// included, since whoever runs the host's command line has the machine. <paramref name="issuedBy"/> labels it.
    /// </summary>
    Task<TokenIssueResult> IssueFromHostAsync(string issuedBy, TokenRequest request);

    /// <summary>The identity a presented token carries, or null for a malformed, unknown, revoked or expired token.</summary>
    Task<AccessIdentity?> AuthenticateAsync(string token);

    /// <summary>
    /// As <see cref="AuthenticateAsync(string)"/>, but asks <paramref name="mayLookUp"/> before it has to look the token
    /// up in its grain (it is neither malformed nor remembered): false answers null without the lookup.
    /// </summary>
    Task<AccessIdentity?> AuthenticateAsync(string token, Func<bool> mayLookUp);

    /// <summary>The tokens <paramref name="caller"/> may see, oldest first: the district admin all, a street operator its street's, anyone else its own.</summary>
    Task<Page<TokenRecord>> ListAsync(AccessIdentity caller, int after, int limit);

    /// <summary>Revokes the token and, transitively, every token it issued, if <paramref name="caller"/> may revoke it.</summary>
    Task<RevokeResult> RevokeAsync(AccessIdentity caller, string tokenId);

    /// <summary>Revokes the token and every token it issued, on the host's own authority (its command line).</summary>
    Task<RevokeResult> RevokeFromHostAsync(string tokenId);
}

/// <summary>What to issue: a role name, a scope, who it is for and, optionally, an expiry earlier than the longest lifetime.</summary>
public sealed record TokenRequest(string? Role, string? Scope, string? Label, string? ExpiresAt = null);

/// <summary>The token, shown only now, its public id, its grant and its expiry.</summary>
public sealed record IssuedToken(string Token, string TokenId, TokenGrant Grant, DateTimeOffset ExpiresAt);

/// <summary>Either the issued token, or why not (<see cref="Forbidden"/>: the issuer lacks the right; else the request is invalid).</summary>
public sealed record TokenIssueResult(IssuedToken? Issued, string? Error, bool Forbidden);

public enum RevokeStatus
{
    /// <summary>The token was live and is revoked now.</summary>
    Revoked,
    /// <summary>It was revoked before; the tokens it issued were checked again.</summary>
    AlreadyRevoked,
    NotFound,
    /// <summary>The id is not shaped like a token id.</summary>
    Invalid,
    /// <summary>The caller may not revoke this token.</summary>
    Forbidden,
}

/// <summary>The outcome of a revocation and how many tokens it revoked now (the token and those it issued, transitively).</summary>
public sealed record RevokeResult(RevokeStatus Status, int Revoked, string? Reason = null)
{
    public bool Done => Status is RevokeStatus.Revoked or RevokeStatus.AlreadyRevoked;
}
