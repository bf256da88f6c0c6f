using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Contracts;

/// <summary>Issues, checks and revokes API tokens. A token is shown once, when issued; only its hash is kept.</summary>
public interface ITokenIssuer
{
    /// <summary>Issues a token if <paramref name="issuer"/> may grant that role in that scope.</summary>
    Task<TokenIssueResult> IssueAsync(AccessIdentity issuer, string? role, string? scope, string? label);

    /// <summary>The identity a presented token carries, or null for an unknown or revoked token.</summary>
    Task<AccessIdentity?> AuthenticateAsync(string token);

    Task<bool> RevokeAsync(string tokenId);
}

public sealed record IssuedToken(string Token, string TokenId, TokenGrant Grant);

/// <summary>Either the issued token, or why not (<see cref="Forbidden"/>: the issuer lacks the right; else the request is invalid).</summary>
public sealed record TokenIssueResult(IssuedToken? Issued, string? Error, bool Forbidden);
