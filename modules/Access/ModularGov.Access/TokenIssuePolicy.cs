using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access;

/// <summary>
/// Whether a token request is valid (a known role in the one scope kind it takes, a place this host serves, a label)
/// and whether its issuer may grant it (<see cref="TokenRights"/>). An invalid request is refused before the
/// issuer's rights are looked at, so the answer names what is wrong with it.
/// </summary>
internal static class TokenIssuePolicy
{
    public const int MaxLabelLength = 100;

    /// <summary>The grant a token <paramref name="caller"/> may issue, or the reason not and whether it is about the caller's rights.</summary>
    public static (TokenGrant? Grant, string? Error, bool Forbidden) Check(AccessIdentity caller, TokenRequest request, IStreetDirectory streets)
    {
        if (Problem(request, streets, out var valid) is { } problem)
            return (null, problem, false);
        if (!TokenRights.MayIssue(caller, valid!.Role, valid.Scope))
            return (null, Refusal(caller, valid.Role, valid.Scope), true);
        return (new TokenGrant(valid.Role, valid.Scope, valid.Label, caller.Label, caller.TokenId), null, false);
    }

    /// <summary>The grant the host itself issues (its command line, its first start): any valid request.</summary>
    public static (TokenGrant? Grant, string? Error, bool Forbidden) CheckForHost(string issuedBy, TokenRequest request, IStreetDirectory streets) =>
        Problem(request, streets, out var valid) is { } problem
            ? (null, problem, false)
            : (new TokenGrant(valid!.Role, valid.Scope, valid.Label, issuedBy), null, false);

    private sealed record Valid(Role Role, Scope Scope, string Label);

    private static string? Problem(TokenRequest request, IStreetDirectory streets, out Valid? valid)
    {
        valid = null;
        if (GrantProblem(request.Role, request.Scope, streets, out var role, out var scope) is { } problem)
            return problem;
        if (role is Role.SecurityAdmin or Role.AuditAdmin)
            return $"a {role.Name()} is a person's account, never a token (三员: sign in as that administrator)";
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > MaxLabelLength)
            return $"label must be 1–{MaxLabelLength} characters (who the token is for)";
        valid = new Valid(role, scope, request.Label);
        return null;
    }

    /// <summary>Why a role and scope (as a request names them) do not make a grant here, or null: shared by tokens and accounts.</summary>
    public static string? GrantProblem(string? roleName, string? scopeText, IStreetDirectory streets, out Role role, out Scope scope)
    {
        scope = Scope.District;
        if (!Roles.TryParse(roleName ?? "", out role))
            return $"role '{roleName}' is not one of {string.Join(", ", Roles.All.Select(r => r.Name()))}";
        if (!Scope.TryParse(scopeText ?? "", out scope, out var scopeError))
            return scopeError;
        if (role.RequiredScope() != scope.Kind)
            return $"role {role.Name()} needs a {role.RequiredScope()} scope, not {scope}";
        if (scope.StreetCode is { } code)
        {
            var street = streets.Find(code);
            if (street is null)
                return $"street '{code}' is not served by this host";
            var community = scope.Id;
            if (scope.Kind == ScopeKind.Community && street.Profile.Communities.All(c => $"{code}.{c.Code}" != community))
                return $"community '{scope.Id}' does not exist in street '{code}'";
        }
        return null;
    }

    private static string Refusal(AccessIdentity caller, Role role, Scope scope)
    {
        var issuable = TokenRights.Issuable(caller.Role);
        if (issuable.Count == 0)
            return $"a {caller.Role.Name()} token issues no tokens";
        if (role == Role.DistrictAdmin)
            return "a district-admin token is issued only on the host's command line (tokens issue), which needs the machine itself";
        if (!issuable.Contains(role))
            return $"a {caller.Role.Name()} token issues only roles below its own ({string.Join(", ", issuable.Select(r => r.Name()))}), not {role.Name()}";
        return $"a {caller.Role.Name()} token scoped to {caller.Scope} cannot issue a token for {scope}";
    }
}
