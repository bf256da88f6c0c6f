using ModularGov.SharedKernel.Streets;

namespace ModularGov.SharedKernel.Tests;

public class StreetProfileRulesTests
{
    private static StreetProfile Street(params CommunityProfile[] communities) =>
        new("demo", "示例街道", StreetKind.Subdistrict, 2.5m, communities.Sum(c => c.Households), communities.Sum(c => c.Residents), 3,
            communities, true, "test");

    [Fact]
    public void A_consistent_profile_passes()
    {
        StreetProfileRules.Check(Street(
            new CommunityProfile("east", "东社区", CommunityKind.Community, 100, 200, true),
            new CommunityProfile("west", "西社区", CommunityKind.Community, 150, 300, true))).ShouldBeEmpty();
    }

    [Fact]
    public void Communities_that_do_not_add_up_are_named()
    {
        var profile = Street(new CommunityProfile("east", "东社区", CommunityKind.Community, 100, 200, true)) with { Households = 101 };
        var problems = StreetProfileRules.Check(profile);
        problems.Count.ShouldBe(1);
        problems[0].ShouldContain("add up to 100");
    }

    [Fact]
    public void Duplicate_and_malformed_community_codes_are_named()
    {
        var problems = StreetProfileRules.Check(Street(
            new CommunityProfile("east", "东社区", CommunityKind.Community, 100, 200, true),
            new CommunityProfile("east", "东二社区", CommunityKind.Community, 100, 200, true),
            new CommunityProfile("West", "西社区", CommunityKind.Community, 100, 200, true)));
        problems.Count(p => p.Contains("'east' appears 2 times")).ShouldBe(1);
        problems.Count(p => p.Contains("'West'")).ShouldBe(1);
    }

    [Fact]
    public void A_street_without_communities_is_refused()
    {
        StreetProfileRules.Check(Street() with { Households = 1, Residents = 1 })
            .Count(p => p.Contains("no communities")).ShouldBe(1);
    }
}
