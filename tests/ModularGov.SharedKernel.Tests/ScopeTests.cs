using ModularGov.SharedKernel.Access;

namespace ModularGov.SharedKernel.Tests;

public class ScopeTests
{
    [Theory]
    [InlineData("district", ScopeKind.District, "", null)]
    [InlineData("street:nanshanlu", ScopeKind.Street, "nanshanlu", "nanshanlu")]
    [InlineData("community:nanshanlu.xinhuaxijie", ScopeKind.Community, "nanshanlu.xinhuaxijie", "nanshanlu")]
    [InlineData("grid:nanshanlu.g017", ScopeKind.Grid, "nanshanlu.g017", "nanshanlu")]
    [InlineData("department:water", ScopeKind.Department, "water", null)]
    [InlineData("station:shangzhan.xiaonan01", ScopeKind.Station, "shangzhan.xiaonan01", "shangzhan")]
    [InlineData("resident-unit:nanshanlu.u001", ScopeKind.ResidentUnit, "nanshanlu.u001", "nanshanlu")]
    public void Parses_every_scope_kind_and_knows_its_street(string text, ScopeKind kind, string id, string? street)
    {
        Scope.TryParse(text, out var scope, out var error).ShouldBeTrue(error);
        scope.Kind.ShouldBe(kind);
        scope.Id.ShouldBe(id);
        scope.StreetCode.ShouldBe(street);
        scope.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("city")]
    [InlineData("street:")]
    [InlineData("street:Nanshanlu")]
    [InlineData("street:nanshanlu.g001")]
    [InlineData("grid:g001")]
    [InlineData("community:nanshanlu.新华")]
    [InlineData("department:water/../x")]
    public void Refuses_malformed_scopes_with_a_reason(string text)
    {
        Scope.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_street_covers_its_own_places_and_nothing_of_another_street()
    {
        var nanshanlu = new Scope(ScopeKind.Street, "nanshanlu");
        nanshanlu.Covers(new Scope(ScopeKind.Grid, "nanshanlu.g017")).ShouldBeTrue();
        nanshanlu.Covers(new Scope(ScopeKind.Community, "nanshanlu.xinhuaxijie")).ShouldBeTrue();
        nanshanlu.Covers(new Scope(ScopeKind.Street, "shangzhan")).ShouldBeFalse();
        nanshanlu.Covers(new Scope(ScopeKind.Grid, "shangzhan.g001")).ShouldBeFalse();
        nanshanlu.Covers(Scope.District).ShouldBeFalse();
        nanshanlu.Covers(new Scope(ScopeKind.Department, "water")).ShouldBeFalse();
        Scope.District.Covers(new Scope(ScopeKind.Grid, "shangzhan.g001")).ShouldBeTrue();
    }

    [Fact]
    public void Identities_see_only_their_own_street()
    {
        var streetOperator = new AccessIdentity(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), "t1", "街道办");
        streetOperator.CanSeeStreet("nanshanlu").ShouldBeTrue();
        streetOperator.CanSeeStreet("shangzhan").ShouldBeFalse();
        var department = new AccessIdentity(Role.DepartmentStaff, new Scope(ScopeKind.Department, "water"), "t2", "水务");
        department.CanSeeStreet("nanshanlu").ShouldBeFalse();
        new AccessIdentity(Role.DistrictAdmin, Scope.District, "t3", "区").CanSeeStreet("yijing").ShouldBeTrue();
    }
}

public class PlaceIdTests
{
    [Theory]
    [InlineData("nanshanlu.g017", "nanshanlu", "g017")]
    [InlineData("nanshanlu.g017.p00001", "nanshanlu", "g017.p00001")]
    public void A_place_id_splits_into_its_street_and_local_id(string id, string street, string local)
    {
        ModularGov.SharedKernel.Streets.PlaceIds.Split(id).ShouldBe((street, local));
    }

    [Theory]
    [InlineData("nanshanlu")]
    [InlineData(".g017")]
    [InlineData("")]
    public void An_id_without_a_street_does_not_split(string id)
    {
        ModularGov.SharedKernel.Streets.PlaceIds.Split(id).ShouldBeNull();
    }
}

public class PlaceIdsTests
{
    [Theory]
    [InlineData("nanshanlu.tc0001", true)]
    [InlineData("nanshanlu.tc1", true)]
    [InlineData("nanshanlu.tc", false)]
    [InlineData("nanshanlu.tc00x1", false)]
    [InlineData("nanshanlu.tc0001;DROP", false)]
    [InlineData("nanshanlu.tc1234567890", false)]
    [InlineData("shangzhan.tc0001", false)]
    public void A_numbered_record_id_is_its_prefix_and_a_number(string id, bool numbered) =>
        Streets.PlaceIds.IsNumbered(id, "nanshanlu.tc").ShouldBe(numbered);
}
