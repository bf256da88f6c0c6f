using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Tests;

public class TokenIssuePolicyTests
{
    private static readonly TestStreets Streets = new();
    private static readonly AccessIdentity Admin = new(Role.DistrictAdmin, Scope.District, "a", "区");
    private static readonly AccessIdentity NanshanluOperator = new(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), "s", "南山路街道办");

    [Theory]
    [InlineData("district-admin", "district")]
    [InlineData("street-operator", "street:shangzhan")]
    [InlineData("community-worker", "community:nanshanlu.xinhuaxijie")]
    [InlineData("department-staff", "department:water")]
    [InlineData("resident-unit", "resident-unit:nanshanlu.u001")]
    public void The_district_admin_may_issue_any_valid_grant(string role, string scope)
    {
        var (grant, error, _) = TokenIssuePolicy.Check(Admin, role, scope, "someone", Streets);
        error.ShouldBeNull();
        grant!.Scope.ToString().ShouldBe(scope);
        grant.IssuedBy.ShouldBe("区");
    }

    [Theory]
    [InlineData("grid-worker", "grid:nanshanlu.g001", true)]
    [InlineData("community-worker", "community:nanshanlu.xinhuaxijie", true)]
    [InlineData("street-operator", "street:nanshanlu", true)]
    [InlineData("street-operator", "street:shangzhan", false)]
    [InlineData("grid-worker", "grid:shangzhan.g001", false)]
    [InlineData("department-staff", "department:water", false)]
    [InlineData("district-admin", "district", false)]
    public void A_street_operator_may_issue_only_inside_its_street(string role, string scope, bool allowed)
    {
        var (grant, error, forbidden) = TokenIssuePolicy.Check(NanshanluOperator, role, scope, "someone", Streets);
        (grant is not null).ShouldBe(allowed, error);
        forbidden.ShouldBe(!allowed);
    }

    [Fact]
    public void Roles_below_a_street_may_not_issue_tokens()
    {
        var grid = new AccessIdentity(Role.GridWorker, new Scope(ScopeKind.Grid, "nanshanlu.g001"), "g", "网格员");
        var (grant, _, forbidden) = TokenIssuePolicy.Check(grid, "grid-worker", "grid:nanshanlu.g001", "me again", Streets);
        grant.ShouldBeNull();
        forbidden.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "district", "x")]
    [InlineData("district-admin", null, "x")]
    [InlineData("district-admin", "district", null)]
    [InlineData("district-admin", "district", "")]
    [InlineData("grid-worker", "street:nanshanlu", "x")]
    [InlineData("street-operator", "street:yijing", "x")]
    public void Invalid_requests_are_refused_as_bad_requests(string? role, string? scope, string? label)
    {
        var (grant, error, forbidden) = TokenIssuePolicy.Check(Admin, role, scope, label, Streets);
        grant.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        forbidden.ShouldBeFalse();
    }

    [Fact]
    public void A_label_longer_than_the_limit_is_refused()
    {
        var (grant, error, _) = TokenIssuePolicy.Check(Admin, "district-admin", "district", new string('长', TokenIssuePolicy.MaxLabelLength + 1), Streets);
        grant.ShouldBeNull();
        error!.ShouldContain("label");
    }
}
