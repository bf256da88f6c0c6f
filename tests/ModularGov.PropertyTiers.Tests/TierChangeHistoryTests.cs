using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Layout;
using ModularGov.Testing;

namespace ModularGov.PropertyTiers.Tests;

/// <summary>A street's tier changes are kept in pages: all of them listed in order, none of them in the street's own record.</summary>
public sealed class TierChangeHistoryTests(TierCluster cluster) : IClassFixture<TierCluster>
{
    private static readonly Actor Requester = new("街道办", "street-operator", "street:yijing", "token-yijing-requester");
    private static readonly Actor Decider = new("街道办主任", "street-operator", "street:yijing", "token-yijing-decider");

    [Fact]
    public async Task Three_hundred_changes_are_listed_in_pages_in_order_and_the_streets_record_does_not_grow_with_them()
    {
        var tiers = cluster.Silo(0).GetGrain<IPropertyTiersGrain>("yijing");
        var compound = $"yijing.{TierCluster.Streets.Loaded.Single(s => s.Code == "yijing").Layout.MergePlan.Compounds[0].Code}";
        var street = tiers.GetGrainId();
        var ids = new List<string>();
        async Task RequestAndRejectAsync(int times)
        {
            for (var n = 0; n < times; n++)
            {
                var change = (await tiers.RequestChangeAsync(compound, PropertyTier.Market, $"物业公司{ids.Count}", "业主大会拟选聘", Requester)).Value!;
                (await tiers.RejectAsync(change.Id, "材料不全", Decider)).IsOk.ShouldBeTrue();
                ids.Add(change.Id);
            }
        }

        await RequestAndRejectAsync(20);
        var after20 = await cluster.Cluster.StoredStateSizeAsync(typeof(PropertyTiersGrain), street);
        await RequestAndRejectAsync(280);
        var after300 = await cluster.Cluster.StoredStateSizeAsync(typeof(PropertyTiersGrain), street);
        after300.ShouldBeLessThanOrEqualTo(after20 + 4, "the count's encoding may grow a byte; the latest decision is the same size");

        var listed = new List<string>();
        for (var after = 0; ;)
        {
            var page = await tiers.GetChangesAsync(TierChangeStatus.Rejected, after, 128);
            listed.AddRange(page.Items.Select(c => c.Id));
            if (page.NextAfter is not { } next)
                break;
            after = next;
        }
        listed.Where(ids.Contains).ShouldBe(ids);
    }
}
