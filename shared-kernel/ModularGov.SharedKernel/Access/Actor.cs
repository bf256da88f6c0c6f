namespace ModularGov.SharedKernel.Access;

/// <summary>
/// Who did something, as an audit trail records it: label, role, scope, the token's public id and the id of the
/// token that issued it (null when the host or its command line issued it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Actor(
    [property: Id(0)] string Label,
    [property: Id(1)] string Role,
    [property: Id(2)] string Scope,
    [property: Id(3)] string TokenId,
    [property: Id(4)] string? IssuerTokenId = null)
{
    public static Actor Of(AccessIdentity identity) =>
        new(identity.Label, identity.Role.Name(), identity.Scope.ToString(), identity.TokenId, identity.IssuerTokenId);

    /// <summary>
    /// Whether this actor may be the person who did <paramref name="earlier"/> or act on their behalf: the same token,
    /// a token the earlier actor issued, or a token for the same named person. Four-eyes rules refuse all three.
    /// </summary>
    public bool MayBeOrActFor(Actor earlier) =>
        TokenId == earlier.TokenId || IssuerTokenId == earlier.TokenId || Label == earlier.Label;
}
