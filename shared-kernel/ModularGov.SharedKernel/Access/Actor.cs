namespace ModularGov.SharedKernel.Access;

/// <summary>Who did something, as an audit trail records it: label, role, scope and the token's public id.</summary>
[GenerateSerializer, Immutable]
public sealed record Actor([property: Id(0)] string Label, [property: Id(1)] string Role, [property: Id(2)] string Scope, [property: Id(3)] string TokenId)
{
    public static Actor Of(AccessIdentity identity) => new(identity.Label, identity.Role.Name(), identity.Scope.ToString(), identity.TokenId);
}
