using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Tests;

public class TokenIssuePolicyTests
{
    private static readonly TestStreets Streets = new();
    private static readonly AccessIdentity Admin = new(Role.DistrictAdmin, Scope.District, "a", "区");
    private static readonly AccessIdentity NanshanluOperator = new(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), "s", "南山路街道办");

    private static (TokenGrant? Grant, string? Error, bool Forbidden) Check(AccessIdentity caller, string? role, string? scope, string? label = "someone") =>
        TokenIssuePolicy.Check(caller, new TokenRequest(role, scope, label), Streets);

    [Theory]
    [InlineData("dispatch-staff", "district")]
    [InlineData("street-operator", "street:shangzhan")]
    [InlineData("community-worker", "community:nanshanlu.xinhuaxijie")]
    [InlineData("department-staff", "department:water")]
    [InlineData("resident-unit", "resident-unit:nanshanlu.u001")]
    public void The_district_admin_may_issue_any_role_below_its_own(string role, string scope)
    {
        var (grant, error, _) = Check(Admin, role, scope);
        error.ShouldBeNull();
        grant!.Scope.ToString().ShouldBe(scope);
        grant.IssuedBy.ShouldBe("区");
        grant.IssuerTokenId.ShouldBe("a");
    }

    [Fact]
    public void A_district_admin_token_cannot_issue_another_district_admin_but_the_host_can()
    {
        var (grant, error, forbidden) = Check(Admin, "district-admin", "district");
        grant.ShouldBeNull();
        forbidden.ShouldBeTrue();
        error!.ShouldContain("command line");

        var (fromHost, hostError, _) = TokenIssuePolicy.CheckForHost("command line", new TokenRequest("district-admin", "district", "second admin"), Streets);
        hostError.ShouldBeNull();
        fromHost!.Role.ShouldBe(Role.DistrictAdmin);
        fromHost.IssuerTokenId.ShouldBeNull("the host is no token");
        fromHost.IssuedBy.ShouldBe("command line");
    }

    [Theory]
    [InlineData("grid-worker", "grid:nanshanlu.g001", true)]
    [InlineData("community-worker", "community:nanshanlu.xinhuaxijie", true)]
    [InlineData("station-operator", "station:nanshanlu.weifeng01", true)]
    [InlineData("resident-unit", "resident-unit:nanshanlu.u001", true)]
    [InlineData("street-operator", "street:nanshanlu", false)]
    [InlineData("street-operator", "street:shangzhan", false)]
    [InlineData("grid-worker", "grid:shangzhan.g001", false)]
    [InlineData("community-worker", "community:shangzhan.xiaoyangquannan", false)]
    [InlineData("department-staff", "department:water", false)]
    [InlineData("dispatch-staff", "district", false)]
    [InlineData("district-admin", "district", false)]
    public void A_street_operator_may_issue_only_the_roles_below_it_inside_its_street(string role, string scope, bool allowed)
    {
        var (grant, error, forbidden) = Check(NanshanluOperator, role, scope);
        (grant is not null).ShouldBe(allowed, error);
        forbidden.ShouldBe(!allowed);
        if (allowed)
            grant!.IssuerTokenId.ShouldBe(NanshanluOperator.TokenId);
    }

    [Theory]
    [InlineData(Role.DispatchStaff, "district")]
    [InlineData(Role.CommunityWorker, "community:nanshanlu.xinhuaxijie")]
    [InlineData(Role.GridWorker, "grid:nanshanlu.g001")]
    [InlineData(Role.DepartmentStaff, "department:water")]
    [InlineData(Role.StationOperator, "station:nanshanlu.weifeng01")]
    [InlineData(Role.ResidentUnit, "resident-unit:nanshanlu.u001")]
    public void Every_other_role_issues_nothing(Role role, string scope)
    {
        Scope.TryParse(scope, out var parsed, out _).ShouldBeTrue();
        var caller = new AccessIdentity(role, parsed, "t", "someone");
        foreach (var wanted in new[] { ("grid-worker", "grid:nanshanlu.g001"), ("resident-unit", "resident-unit:nanshanlu.u001"), (role.Name(), scope) })
        {
            var (grant, error, forbidden) = Check(caller, wanted.Item1, wanted.Item2);
            grant.ShouldBeNull();
            forbidden.ShouldBeTrue();
            error!.ShouldContain("issues no tokens");
        }
        TokenRights.Issuable(role).ShouldBeEmpty();
    }

    [Fact]
    public void Every_role_issues_only_roles_below_its_own()
    {
        foreach (var role in Roles.All)
            TokenRights.Issuable(role).Contains(role).ShouldBeFalse(role.Name());
        TokenRights.Issuable(Role.DistrictAdmin).ShouldBe(Roles.All.Where(r => !r.IsAdministrator()), ignoreOrder: true);
    }

    /// <summary>三员: the security and audit administrators are people's accounts; no one, the host included, issues them as tokens.</summary>
    [Theory]
    [InlineData("security-admin")]
    [InlineData("audit-admin")]
    public void The_security_and_audit_administrators_are_never_tokens(string role)
    {
        var (grant, error, forbidden) = Check(Admin, role, "district", "x");
        (grant, forbidden).ShouldBe((null, false));
        error!.ShouldContain("never a token");
        TokenIssuePolicy.CheckForHost("command line", new TokenRequest(role, "district", "x"), new TestStreets()).Error!.ShouldContain("never a token");
    }

    [Theory]
    [InlineData(null, "district", "x")]
    [InlineData("dispatch-staff", null, "x")]
    [InlineData("dispatch-staff", "district", null)]
    [InlineData("dispatch-staff", "district", "")]
    [InlineData("grid-worker", "street:nanshanlu", "x")]
    [InlineData("street-operator", "street:yijing", "x")]
    public void Invalid_requests_are_refused_as_bad_requests_whoever_asks(string? role, string? scope, string? label)
    {
        foreach (var caller in new[] { Admin, NanshanluOperator, new AccessIdentity(Role.GridWorker, new Scope(ScopeKind.Grid, "nanshanlu.g001"), "g", "网格员") })
        {
            var (grant, error, forbidden) = Check(caller, role, scope, label);
            grant.ShouldBeNull();
            error.ShouldNotBeNullOrWhiteSpace();
            forbidden.ShouldBeFalse();
        }
    }

    [Fact]
    public void A_label_longer_than_the_limit_is_refused()
    {
        var (grant, error, _) = Check(Admin, "dispatch-staff", "district", new string('长', TokenIssuePolicy.MaxLabelLength + 1));
        grant.ShouldBeNull();
        error!.ShouldContain("label");
    }

    [Fact]
    public void A_token_may_revoke_what_it_could_issue_and_the_district_admin_any()
    {
        var grid = new TokenGrant(Role.GridWorker, new Scope(ScopeKind.Grid, "nanshanlu.g001"), "网格员", "x");
        var otherStreet = new TokenGrant(Role.GridWorker, new Scope(ScopeKind.Grid, "shangzhan.g001"), "网格员", "x");
        var operatorToken = new TokenGrant(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), "街道办", "x");
        var admin = new TokenGrant(Role.DistrictAdmin, Scope.District, "区", "x");
        TokenRights.MayRevoke(NanshanluOperator, grid).ShouldBeTrue();
        TokenRights.MayRevoke(NanshanluOperator, otherStreet).ShouldBeFalse();
        TokenRights.MayRevoke(NanshanluOperator, operatorToken).ShouldBeFalse();
        TokenRights.MayRevoke(Admin, admin).ShouldBeTrue();
        TokenRights.MayRevokeAny(new AccessIdentity(Role.GridWorker, grid.Scope, "g", "网格员")).ShouldBeFalse();
    }
}
