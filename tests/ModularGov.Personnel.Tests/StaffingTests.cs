using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Tests;

/// <summary>编制: the shipped figures, every change kept, and a turnover pool that never lends what it does not have.</summary>
public sealed class StaffingTests(PersonnelCluster cluster) : IClassFixture<PersonnelCluster>
{
    private static readonly Actor Office = new("南山路街道办", "street-operator", "street:nanshanlu", "token-office");
    private static readonly Actor District = new("区委编办", "district-admin", "district", "token-district");

    [Fact]
    public async Task Nanshanlu_has_36_staff_before_52_after_3_turnover_posts_and_128_community_workers_all_on_its_roster()
    {
        var staffing = await cluster.Silo(0).GetGrain<IPersonnelGrain>("nanshanlu").GetStaffingAsync();
        (staffing.StaffBefore, staffing.StaffAfter, staffing.TurnoverPosts, staffing.CommunityWorkers).ShouldBe((36, 52, 3, 128));
        (staffing.OfficeStaffOnRoster, staffing.CommunityWorkersOnRoster).ShouldBe((52, 128));
        staffing.Sample.ShouldBeTrue("the split between basic and quantified posts is sample, and the data says so");
    }

    [Fact]
    public async Task The_district_s_take_from_above_add_below_adds_108_posts_across_the_bundled_streets()
    {
        var added = 0;
        foreach (var street in PersonnelCluster.Streets.Loaded)
            added += (await cluster.Silo(1).GetGrain<IPersonnelGrain>(street.Code).GetStaffingAsync()).AddedPosts;
        added.ShouldBe(108);
    }

    [Fact]
    public async Task A_staffing_change_is_kept_with_the_figures_before_it_and_one_without_an_approval_changes_nothing()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("beidajie");
        var before = await grain.GetStaffingAsync();
        var figures = new StaffingFigures(before.StaffBefore, before.BasicPosts, before.QuantifiedPosts + 2, before.TurnoverPosts, before.CommunityWorkers, before.AddedPosts);

        var refused = await grain.ChangeStaffingAsync(figures, "按熵值法测算增加量化编", "", District);
        refused.Refusal.ShouldBe(Refusal.Invalid);
        (await grain.GetStaffingAsync()).ShouldBe(before);

        var change = (await grain.ChangeStaffingAsync(figures, "按熵值法测算增加量化编", "城编〔2026〕12号", District)).Value!;
        change.Before.QuantifiedPosts.ShouldBe(before.QuantifiedPosts);
        change.After.QuantifiedPosts.ShouldBe(before.QuantifiedPosts + 2);
        await cluster.DeactivateAllAsync();
        var after = await cluster.Silo(1).GetGrain<IPersonnelGrain>("beidajie").GetStaffingAsync();
        after.StaffAfter.ShouldBe(before.StaffAfter + 2);
        after.Changes.ShouldBe(before.Changes + 1);
        (await grain.ListStaffingChangesAsync(0, 10)).Items[^1].ShouldBe(change);
    }

    [Fact]
    public async Task The_turnover_pool_lends_what_it_has_refuses_what_it_has_not_with_the_balance_and_takes_posts_back()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("nanshanlu");
        var returnBy = new DateOnly(2027, 6, 30);
        var first = (await grain.LendTurnoverAsync("桃坡社区", 2, returnBy, "社区换届期间补缺", Office)).Value!;
        (await grain.GetStaffingAsync()).TurnoverAvailable.ShouldBe(1);

        var tooMany = await grain.LendTurnoverAsync("阳坡垴社区", 2, returnBy, "银发治理项目", Office);
        tooMany.Refusal.ShouldBe(Refusal.Conflict);
        tooMany.Reason!.ShouldContain("可借 1 名");
        var shrink = await grain.ChangeStaffingAsync(new StaffingFigures(36, 36, 16, 1, 128, 16), "压减周转编", "城编〔2026〕13号", District);
        shrink.Refusal.ShouldBe(Refusal.Conflict, "the pool cannot shrink below what is lent out: its balance would go negative");
        (await grain.GetStaffingAsync()).TurnoverAvailable.ShouldBe(1);

        (await grain.ReturnTurnoverAsync(first.Id, Office)).Value!.ReturnedOn.ShouldBe(new DateOnly(2026, 12, 1));
        (await grain.ReturnTurnoverAsync(first.Id, Office)).Refusal.ShouldBe(Refusal.NotFound, "a loan comes back once");
        (await grain.GetStaffingAsync()).TurnoverAvailable.ShouldBe(3);
        (await grain.LendTurnoverAsync("阳坡垴社区", 2, new DateOnly(2026, 12, 1), "银发治理项目", Office)).Refusal.ShouldBe(Refusal.Invalid, "a loan is due back after today");
    }
}
