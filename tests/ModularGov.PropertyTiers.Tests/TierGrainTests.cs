using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Results;

namespace ModularGov.PropertyTiers.Tests;

/// <summary>物业分级: tiers start from the street's shipped decisions and change only by a recorded, approved change.</summary>
public sealed class TierGrainTests(TierCluster cluster) : IClassFixture<TierCluster>
{
    private static readonly Actor Requester = new("社区书记", "community-worker", "community:beidajie.donggou", "token-requester");
    private static readonly Actor Approver = new("街道办", "street-operator", "street:beidajie", "token-approver");

    private static StreetLayout Layout(string street) => TierCluster.Streets.Loaded.Single(s => s.Code == street).Layout;

    [Fact]
    public async Task Nanshanlu_starts_with_19_market_34_fallback_8_self_governed_and_20_untiered()
    {
        var counts = await cluster.Silo(0).GetGrain<IPropertyTiersGrain>("nanshanlu").GetCountsAsync();
        counts.ShouldBe(new TierCounts(19, 34, 8, 20));
        (await cluster.Silo(1).GetGrain<IPropertyTiersGrain>("nanshanlu").GetCountsAsync()).ShouldBe(counts);
        var all = await cluster.Silo(1).GetGrain<IPropertyTiersGrain>("nanshanlu").GetAllAsync();
        all.Count.ShouldBe(81);
        all.Where(t => t.Tier == PropertyTier.Untiered).ShouldAllBe(t => t.Decision == null && t.Responsible.Contains("居委会"));
        all.Where(t => t.Tier == PropertyTier.Fallback).ShouldAllBe(t => t.Responsible.StartsWith("洁诚物业"));
    }

    [Fact]
    public async Task An_approved_change_moves_the_tier_and_records_why_who_and_when()
    {
        var tiers = cluster.Silo(0).GetGrain<IPropertyTiersGrain>("beidajie");
        var untiered = Layout("beidajie").MergePlan.Compounds.First(m => Layout("beidajie").Tiers.All(t => t.Compound != m.Code));
        var id = $"beidajie.{untiered.Code}";
        var before = await tiers.GetCountsAsync();

        var change = (await tiers.RequestChangeAsync(id, PropertyTier.Fallback, null, "老旧小区无物业,纳入托底", Requester)).Value!;
        change.Status.ShouldBe(TierChangeStatus.Requested);
        change.Company.ShouldBe("洁诚物业");
        (await tiers.GetAsync(id))!.Tier.ShouldBe(PropertyTier.Untiered, "a request alone changes nothing");
        (await tiers.GetCountsAsync()).ShouldBe(before);

        var approved = (await cluster.Silo(1).GetGrain<IPropertyTiersGrain>("beidajie").ApproveAsync(change.Id, "同意", Approver)).Value!;
        approved.Status.ShouldBe(TierChangeStatus.Approved);
        approved.DecidedBy.ShouldBe(Approver);
        approved.DecidedAt.ShouldNotBeNull();

        var now = (await tiers.GetAsync(id))!;
        now.Tier.ShouldBe(PropertyTier.Fallback);
        now.Decision!.Change.ShouldBe(change.Id);
        now.Decision.Reason.ShouldBe("老旧小区无物业,纳入托底");
        now.Decision.DecidedBy.ShouldBe("街道办");
        (await tiers.GetCountsAsync()).ShouldBe(before with { Fallback = before.Fallback + 1, Untiered = before.Untiered - 1 });
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_change_and_a_decided_change_cannot_be_decided_again()
    {
        var tiers = cluster.Silo(0).GetGrain<IPropertyTiersGrain>("shangzhan");
        var compound = $"shangzhan.{Layout("shangzhan").MergePlan.Compounds[1].Code}";
        var change = (await tiers.RequestChangeAsync(compound, PropertyTier.Market, "样例物业公司Z", "业主大会选聘物业", Requester)).Value!;
        (await tiers.ApproveAsync(change.Id, null, Requester)).Refusal.ShouldBe(Refusal.Forbidden);
        (await tiers.RequestChangeAsync(compound, PropertyTier.SelfGoverned, null, "另一个请求", Requester)).Refusal.ShouldBe(Refusal.Conflict);
        (await tiers.RejectAsync(change.Id, "", Approver)).Refusal.ShouldBe(Refusal.Invalid);
        (await tiers.RejectAsync(change.Id, "选聘程序不完整", Approver)).Value!.Status.ShouldBe(TierChangeStatus.Rejected);
        (await tiers.ApproveAsync(change.Id, null, Approver)).Refusal.ShouldBe(Refusal.Conflict);
        (await tiers.GetChangesAsync(TierChangeStatus.Rejected, 0, 1000)).Items.Count(c => c.Id == change.Id).ShouldBe(1);
    }

    [Theory]
    [InlineData("nosuch.m001", PropertyTier.Fallback, null, "理由", Refusal.NotFound)]
    [InlineData("yijing.m999", PropertyTier.Fallback, null, "理由", Refusal.NotFound)]
    [InlineData("yijing.m001", PropertyTier.Market, null, "理由", Refusal.Invalid)]
    [InlineData("yijing.m001", PropertyTier.Untiered, null, "理由", Refusal.Invalid)]
    [InlineData("yijing.m001", PropertyTier.Fallback, null, "", Refusal.Invalid)]
    public async Task Invalid_change_requests_are_refused_and_nothing_is_recorded(string compound, PropertyTier tier, string? company, string reason, Refusal refusal)
    {
        var tiers = cluster.Silo(0).GetGrain<IPropertyTiersGrain>("yijing");
        var before = (await tiers.GetChangesAsync(null, 0, 1000)).Items.Count;
        (await tiers.RequestChangeAsync(compound, tier, company, reason, Requester)).Refusal.ShouldBe(refusal);
        (await tiers.GetChangesAsync(null, 0, 1000)).Items.Count.ShouldBe(before);
    }

    [Fact]
    public async Task The_street_rule_proposes_but_never_changes_a_tier()
    {
        var street = TierCluster.Streets.Loaded.Single(s => s.Code == "nanshanlu");
        var tiers = cluster.Silo(0).GetGrain<IPropertyTiersGrain>("nanshanlu");
        var before = await tiers.GetCountsAsync();
        var proposals = TierProposals.For(street, await tiers.GetAllAsync());
        proposals.ShouldNotBeEmpty();
        proposals.ShouldAllBe(p => p.Current == PropertyTier.Untiered);
        proposals.Count(p => p.Proposed == PropertyTier.Fallback).ShouldBeGreaterThan(0);
        (await tiers.GetCountsAsync()).ShouldBe(before);
    }
}
