namespace ModularGov.SharedKernel.Access;

/// <summary>
/// Who is calling: a role held in a scope, from the token with the given public id, issued by the token
/// <see cref="IssuerTokenId"/> (null for a token the host itself or its command line issued); or from a person's signed-in
/// <see cref="Account"/>, whose <see cref="TokenId"/> is then <c>acct:&lt;login&gt;</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccessIdentity(
    [property: Id(0)] Role Role,
    [property: Id(1)] Scope Scope,
    [property: Id(2)] string TokenId,
    [property: Id(3)] string Label,
    [property: Id(4)] string? IssuerTokenId = null,
    [property: Id(5)] string? Account = null)
{
    public bool IsDistrictAdmin => Role == Role.DistrictAdmin;

    /// <summary>Whether this identity may see a street's data (the district and anyone inside the street).</summary>
    public bool CanSeeStreet(string streetCode) =>
        Scope.Kind == ScopeKind.District || Scope.StreetCode == streetCode;

    /// <summary>The street office of this street, or the district admin.</summary>
    public bool ManagesStreet(string streetCode) =>
        Role == Role.DistrictAdmin || (Role == Role.StreetOperator && Scope.Id == streetCode);

    /// <summary>A worker of this community (社区工作者).</summary>
    public bool WorksInCommunity(string streetCode, string communityCode) =>
        Role == Role.CommunityWorker && Scope.Id == $"{streetCode}.{communityCode}";
}
