using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Tests;

/// <summary>借调: Nanshanlu's seven came back; a new one needs an approval and a return date within the district's rule, and is flagged when late.</summary>
public sealed class SecondmentTests(PersonnelCluster cluster) : IClassFixture<PersonnelCluster>
{
    private static readonly Actor Office = new("北大街街道办", "street-operator", "street:beidajie", "token-office");

    [Fact]
    public async Task Nanshanlu_had_7_out_at_the_peak_and_all_are_back()
    {
        var counts = await cluster.Silo(0).GetGrain<IPersonnelGrain>("nanshanlu").GetSecondmentCountsAsync();
        counts.ShouldBe(new SecondmentCounts(Total: 7, Out: 0, Overdue: 0, PeakOut: 7));
    }

    [Fact]
    public async Task A_secondment_without_an_approval_or_past_the_district_s_longest_term_is_refused_and_nothing_is_recorded()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("beidajie");
        var person = (await grain.ListPeopleAsync(0, 1)).Items[0].Id;
        var noApproval = await grain.SecondAsync(person, "城区信访局", "信访积案化解", "", "", new DateOnly(2027, 3, 1), Office);
        noApproval.Refusal.ShouldBe(Refusal.Invalid);
        noApproval.Reason!.ShouldContain("借调须经审批");
        var tooLong = await grain.SecondAsync(person, "城区信访局", "信访积案化解", "城区委组织部", "城组借字〔2026〕3号", new DateOnly(2027, 12, 1), Office);
        tooLong.Reason!.ShouldContain("最长 180 天");
        (await grain.GetSecondmentCountsAsync()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task An_approved_secondment_not_back_by_its_date_is_overdue_and_listed_first_until_it_returns()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("shangzhan");
        var people = (await grain.ListPeopleAsync(0, 2)).Items;
        var early = (await grain.SecondAsync(people[0].Id, "城区住建局", "老旧小区改造", "城区委组织部", "城组借字〔2026〕4号", cluster.Clock.Today().AddDays(1), Office)).Value!;
        var late = (await grain.SecondAsync(people[1].Id, "城区发改局", "项目申报", "城区委组织部", "城组借字〔2026〕5号", cluster.Clock.Today().AddDays(90), Office)).Value!;
        (await grain.SecondAsync(people[0].Id, "城区发改局", "项目申报", "城区委组织部", "城组借字〔2026〕6号", cluster.Clock.Today().AddDays(20), Office))
            .Refusal.ShouldBe(Refusal.Conflict, "one secondment at a time");

        cluster.Clock.Advance(TimeSpan.FromDays(2));
        var open = await grain.GetOpenSecondmentsAsync();
        open.Select(s => s.Id).ShouldBe([early.Id, late.Id]);
        open[0].IsOverdue(cluster.Clock.Today()).ShouldBeTrue();
        (await grain.GetSecondmentCountsAsync()).ShouldBe(new SecondmentCounts(2, 2, 1, 2));

        (await grain.ReturnSecondmentAsync(early.Id, Office)).Value!.ReturnedOn.ShouldBe(cluster.Clock.Today());
        (await grain.GetSecondmentCountsAsync()).ShouldBe(new SecondmentCounts(2, 1, 0, 2));
    }
}

internal static class Clocks
{
    public static DateOnly Today(this TimeProvider clock) => SharedKernel.State.ChinaTime.Today(clock);
}
