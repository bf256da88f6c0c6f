using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Personnel;

namespace ModularGov.Personnel.Tests;

/// <summary>The 65 graduates cover every community and village; a street whose people do not add up is not served.</summary>
public sealed class GraduateAndDataTests(PersonnelCluster cluster) : IClassFixture<PersonnelCluster>
{
    [Fact]
    public async Task The_bundled_streets_have_65_graduates_and_every_community_and_village_has_at_least_one()
    {
        var recruited = 0;
        var uncovered = 0;
        foreach (var street in PersonnelCluster.Streets.Loaded)
        {
            var graduates = await cluster.Silo(0).GetGrain<IPersonnelGrain>(street.Code).GetGraduatesByCommunityAsync();
            graduates.Count.ShouldBe(street.Profile.Communities.Count);
            recruited += graduates.Values.Sum();
            uncovered += graduates.Values.Count(n => n == 0);
        }
        (recruited, uncovered).ShouldBe((65, 0));
    }

    [Fact]
    public void Every_bundled_street_s_people_add_up_and_a_broken_roster_is_named_record_by_record()
    {
        foreach (var street in PersonnelCluster.Streets.Loaded)
            PersonnelDataCheck.Check(street).ShouldBeEmpty(street.Code);

        var nanshanlu = PersonnelCluster.Streets.Loaded.Single(s => s.Code == "nanshanlu");
        var people = nanshanlu.Personnel.People.ToList();
        people[0] = people[0] with { Post = "p02" };
        people[1] = people[1] with { Community = "nowhere" };
        var moves = nanshanlu.Personnel.Moves.Append(new CareerMoveRecord("r0003", CareerRung.MicroGridLead, CareerRung.CommunityWorker, CommitteeRole.None,
            CareerChannel.Step, new DateOnly(2020, 1, 1), "x", true)).ToList();
        var broken = new Altered(nanshanlu, nanshanlu.Personnel with { People = people, Moves = moves });
        var problems = PersonnelDataCheck.Check(broken);
        problems.Count(p => p.Contains("post 'p02' is held by 2 people")).ShouldBe(1, string.Join("\n", problems));
        problems.Count(p => p.Contains("'r0002' is in community 'nowhere'")).ShouldBe(1, string.Join("\n", problems));
        problems.Count(p => p.Contains("move 20 of 'r0003' is not allowed")).ShouldBe(1, string.Join("\n", problems));
    }

    private sealed class Altered(SharedKernel.Streets.IStreet street, StreetPersonnel personnel) : SharedKernel.Streets.IStreet
    {
        public string Code => street.Code;
        public string PluginVersion => street.PluginVersion;
        public SharedKernel.Streets.StreetProfile Profile => street.Profile;
        public SharedKernel.Layout.StreetLayout Layout => street.Layout;
        public SharedKernel.Duties.StreetDuties Duties => street.Duties;
        public StreetPersonnel Personnel => personnel;
        public Autofac.ILifetimeScope Services => street.Services;
    }
}
