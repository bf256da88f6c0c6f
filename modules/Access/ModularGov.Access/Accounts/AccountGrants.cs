using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Accounts;

/// <summary>The rules every account's grants keep, whoever sets them: each role in its scope kind, and at most one of the three administrators (三员).</summary>
internal static class AccountGrants
{
    public static string? Problem(IReadOnlyList<AccountGrant> grants)
    {
        if (grants.Count > AccountGrain.MaxGrants)
            return $"an account holds at most {AccountGrain.MaxGrants} grants, not {grants.Count}";
        if (grants.FirstOrDefault(g => g.Role.RequiredScope() != g.Scope.Kind) is { } misfit)
            return $"role {misfit.Role.Name()} needs a {misfit.Role.RequiredScope()} scope, not {misfit.Scope}";
        var administrators = grants.Select(g => g.Role).Where(r => r.IsAdministrator()).Distinct().ToList();
        if (administrators.Count > 1)
            return $"三员分立: an account holds one of the system, security and audit administrator roles, not {string.Join(" and ", administrators.Select(r => r.Name()))}";
        return grants.Distinct().Count() == grants.Count ? null : "a grant is listed twice";
    }
}
