using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access;

/// <summary>
/// Who may issue which token: the district admin any; a street operator tokens inside its own street (for
/// its communities, grids, stations and resident units). The scope must name a street (and community) this
/// host serves.
/// </summary>
internal static class TokenIssuePolicy
{
    public const int MaxLabelLength = 100;

    /// <summary>The grant, or the reason it is refused and whether the refusal is about the caller's rights.</summary>
    public static (TokenGrant? Grant, string? Error, bool Forbidden) Check(
        AccessIdentity caller, string? roleText, string? scopeText, string? label, IStreetDirectory streets)
    {
        if (!Roles.TryParse(roleText ?? "", out var role))
            return (null, $"role '{roleText}' is not one of {string.Join(", ", Roles.All.Select(r => r.Name()))}", false);
        if (!Scope.TryParse(scopeText ?? "", out var scope, out var scopeError))
            return (null, scopeError, false);
        if (role.RequiredScope() != scope.Kind)
            return (null, $"role {role.Name()} needs a {role.RequiredScope()} scope, not {scope}", false);
        if (string.IsNullOrWhiteSpace(label) || label.Length > MaxLabelLength)
            return (null, $"label must be 1–{MaxLabelLength} characters (who the token is for)", false);
        if (scope.StreetCode is { } code)
        {
            var street = streets.Find(code);
            if (street is null)
                return (null, $"street '{code}' is not served by this host", false);
            if (scope.Kind == ScopeKind.Community && street.Profile.Communities.All(c => $"{code}.{c.Code}" != scope.Id))
                return (null, $"community '{scope.Id}' does not exist in street '{code}'", false);
        }
        var mayIssue = caller.Role is Role.DistrictAdmin or Role.StreetOperator && caller.Scope.Covers(scope);
        return mayIssue
            ? (new TokenGrant(role, scope, label, caller.Label), null, false)
            : (null, $"a {caller.Role.Name()} token scoped to {caller.Scope} cannot issue a token for {scope}", true);
    }
}
