using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Contracts;

/// <summary>A token as <c>GET /api/tokens</c> lists it: everything recorded about it but the secret and its hash.</summary>
[GenerateSerializer, Immutable]
public sealed record TokenRecord(
    [property: Id(0)] string TokenId,
    [property: Id(1)] TokenGrant Grant,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] DateTimeOffset? RevokedAt,
    [property: Id(5)] DateTimeOffset? LastUsedAt)
{
    /// <summary>How precisely <see cref="LastUsedAt"/> is kept: a token's use is written at most once per this interval, not once per request.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    public AccessIdentity Identity => new(Grant.Role, Grant.Scope, TokenId, Grant.Label, Grant.IssuerTokenId);
}
