using ModularGov.SharedKernel.Access;

namespace ModularGov.SharedKernel.Tests;

public class RoleTests
{
    [Fact]
    public void Every_role_has_a_name_that_parses_back_and_one_scope_kind()
    {
        var roles = Roles.All.ToList();
        roles.Count.ShouldBe(Enum.GetValues<Role>().Length);
        foreach (var role in roles)
        {
            Roles.TryParse(role.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(role);
        }
        Role.DistrictAdmin.RequiredScope().ShouldBe(ScopeKind.District);
        Role.StreetOperator.RequiredScope().ShouldBe(ScopeKind.Street);
        Role.GridWorker.RequiredScope().ShouldBe(ScopeKind.Grid);
    }

    [Fact]
    public void Unknown_role_names_do_not_parse()
    {
        Roles.TryParse("root", out _).ShouldBeFalse();
        Roles.TryParse("District-Admin", out _).ShouldBeFalse();
    }
}
