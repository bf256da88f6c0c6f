using ModularGov.Duties.Contracts;
using ModularGov.Duties.Lists;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Duties.Tests;

/// <summary>
/// An approval writes the new version's record, then the change, then the list grain. This test leaves out the last
/// write, as a process killed in between would, and shows the list completes the approval when it comes back.
/// </summary>
public sealed class DutyListRecoveryTests(DutiesCluster cluster) : IClassFixture<DutiesCluster>
{
    private static readonly Actor Community = DutiesCluster.Person("社区", "community-worker", "community:shangzhan.zhanqian");
    private static readonly Actor Housing = DutiesCluster.Person("住建局", "department-staff", "department:housing");
    private static readonly Actor District = DutiesCluster.Person("区委社会工作部", "district-admin", "district");

    [Fact]
    public async Task An_approval_whose_last_write_was_lost_is_completed_when_the_list_comes_back()
    {
        var list = cluster.Silo(0).GetGrain<IDutyListGrain>("shangzhan");
        var v1 = await list.GetCurrentAsync();
        var item = new DutyItem("b050", DutyKind.Basic, "社区食堂运营协调", "canteen", v1.Posts[0].Code, false);
        var applied = (await list.ApplyAsync(ChangeAction.Add, item, "居民需求集中", "housing", Community)).Value!;
        var assessed = (await list.AssessAsync(applied.Id, true, "可承接", Housing)).Value!;

        var storage = cluster.Storage(1);
        var approved = assessed with { Status = ChangeStatus.Approved, LegalBasis = "准入办法第五条", DecidedBy = District, NewVersion = v1.Version + 1 };
        var version = new DutyListVersion
        {
            Version = v1.Version + 1,
            ApprovedBy = District.Label,
            ApprovedAt = DateTimeOffset.Now,
            LegalBasis = "准入办法第五条",
            Change = applied.Id,
            Posts = v1.Posts,
            Items = v1.Items.Append(item).ToList(),
        };
        await new RecordStore<VersionRecord>(storage, DutyListGrain.VersionKind)
            .WriteAsync(new Stored<VersionRecord>($"shangzhan.v{version.Version}", new VersionRecord { Version = version }));
        var position = (await list.ListChangesAsync(0, 1000)).Items.ToList().FindIndex(c => c.Id == applied.Id);
        await new PagedList<DutyChange>(storage, DutyListGrain.ChangeKind, "shangzhan").SetAsync(position, approved);
        await cluster.DeactivateAllAsync();

        var back = cluster.Silo(1).GetGrain<IDutyListGrain>("shangzhan");
        (await back.GetCurrentAsync()).Version.ShouldBe(v1.Version + 1);
        (await back.GetVersionAsync(v1.Version))!.Items.Count.ShouldBe(v1.Items.Count);
        (await back.ApproveAsync(applied.Id, "准入办法第五条", District)).Refusal.ShouldBe(Refusal.Conflict);
        (await back.ApplyAsync(ChangeAction.Modify, item with { Title = "社区食堂运营" }, "名称调整", "housing", Community)).IsOk.ShouldBeTrue("the approved change is no longer in progress");
    }
}
