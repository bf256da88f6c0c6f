using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access;

/// <summary>
/// Who may issue, revoke and see which tokens. A token issues only roles below its own: the district admin every
/// role but district admin (more district admins come only from the host's command line, which takes the machine);
/// a street operator the roles inside its street below it, in its street; every other role nothing. A token may
/// revoke what it could issue (the district admin: any token). The district admin sees every token, a street
/// operator its street's, anyone else only its own.
/// </summary>
internal static class TokenRights
{
    private static readonly IReadOnlySet<Role> Nothing = new HashSet<Role>();

    /// <summary>Every role but the three administrators, which only people's accounts hold (三员).</summary>
    private static readonly IReadOnlySet<Role> BelowDistrictAdmin = Roles.All.Where(r => !r.IsAdministrator()).ToHashSet();

    private static readonly IReadOnlySet<Role> BelowStreetOperator = new HashSet<Role>
    {
        Role.CommunityWorker, Role.GridWorker, Role.StationOperator, Role.ResidentUnit,
    };

    /// <summary>The roles a token of <paramref name="role"/> may issue.</summary>
    public static IReadOnlySet<Role> Issuable(Role role) => role switch
    {
        Role.DistrictAdmin => BelowDistrictAdmin,
        Role.StreetOperator => BelowStreetOperator,
        _ => Nothing,
    };

    public static bool MayIssue(AccessIdentity caller, Role role, Scope scope) =>
        Issuable(caller.Role).Contains(role) && caller.Scope.Covers(scope);

    /// <summary>Whether the caller may revoke any token at all.</summary>
    public static bool MayRevokeAny(AccessIdentity caller) => caller.IsDistrictAdmin || Issuable(caller.Role).Count > 0;

    public static bool MayRevoke(AccessIdentity caller, TokenGrant target) =>
        caller.IsDistrictAdmin || MayIssue(caller, target.Role, target.Scope);

    /// <summary>The registry the caller lists, or null when it sees only its own token.</summary>
    public static string? Registry(AccessIdentity caller) => caller.Role switch
    {
        Role.DistrictAdmin => TokenRegistries.District,
        Role.StreetOperator => TokenRegistries.ForStreet(caller.Scope.Id),
        _ => null,
    };

    /// <summary>The registries a token with this grant is listed in: the district's, and its street's if it lies in one.</summary>
    public static IEnumerable<string> RegistriesOf(TokenGrant grant) => grant.Scope.StreetCode is { } street
        ? [TokenRegistries.District, TokenRegistries.ForStreet(street)]
        : [TokenRegistries.District];
}
