using ModularGov.Grids.Contracts;
using ModularGov.Grids.Problems;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Grids.Tests;

/// <summary>A street's escalations to the dispatch centre: refusals kept and shown, pages in order, and an intake state that stays small.</summary>
public sealed class DispatchIntakeTests(GridCluster cluster) : IClassFixture<GridCluster>
{
    private static EscalatedProblem Escalation(string street, int number) => new()
    {
        ProblemId = $"{street}.g001.p{number:D5}",
        GridId = $"{street}.g001",
        Street = street,
        Community = "c01",
        Category = ProblemCategory.Facilities,
        Description = $"事项 {number}",
        Location = "1号楼",
        Reason = "职责交叉",
        EscalatedAt = DateTimeOffset.UnixEpoch.AddMinutes(number),
    };

    private async Task<List<EscalatedProblem>> ListAllAsync(IDispatchIntakeGrain intake, int limit)
    {
        var all = new List<EscalatedProblem>();
        int? after = 0;
        while (after is { } from)
        {
            var page = await intake.ListAsync(from, limit);
            page.Escalations.Count.ShouldBeLessThanOrEqualTo(limit);
            all.AddRange(page.Escalations);
            after = page.NextAfter;
        }
        return all;
    }

    [Fact]
    public async Task An_escalation_the_centre_refuses_keeps_its_reason_is_listed_and_stays_pending_until_taken()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g020");
        var worker = GridCluster.Person("街道", "street-operator", "street:nanshanlu");
        var filed = (await grid.FileAsync(new NewProblem
        {
            Category = ProblemCategory.Dispute,
            Description = $"{RefusingCentre.Marker}:邻里纠纷",
            Location = "8号楼",
            Source = ProblemSource.Resident,
        }, worker, "refused-1")).Value!.Problem;
        foreach (var reason in new[] { "网格无法解决", "社区无权处理", "提请联合调度" })
            (await grid.EscalateAsync(filed.Id, reason, new GridActor(worker, ProblemLevel.Street))).IsOk.ShouldBeTrue();

        var intake = cluster.Silo(1).GetGrain<IDispatchIntakeGrain>("nanshanlu");
        (await intake.GetPendingAsync()).Single(p => p.ProblemId == filed.Id).RefusedBecause.ShouldBe(RefusingCentre.Reason);
        (await ListAllAsync(intake, EscalationPage.MaxLimit)).Single(p => p.ProblemId == filed.Id).RefusedBecause.ShouldBe(RefusingCentre.Reason);
        (await intake.RefuseAsync(filed.Id, " ")).Refusal.ShouldBe(Refusal.Invalid);
        (await intake.RefuseAsync("nanshanlu.g020.p99999", "x")).Refusal.ShouldBe(Refusal.NotFound);

        var taken = (await intake.TakeAsync(filed.Id, "case-7")).Value!;
        (taken.TakenAsCase, taken.RefusedBecause).ShouldBe(("case-7", null));
        (await intake.GetPendingAsync()).Count(p => p.ProblemId == filed.Id).ShouldBe(0);
        (await intake.RefuseAsync(filed.Id, "too late")).Refusal.ShouldBe(Refusal.Conflict);
    }

    [Fact]
    public async Task Escalations_are_listed_in_pages_in_order_with_no_gaps_past_a_storage_page_and_a_repeat_is_ignored()
    {
        var intake = cluster.Silo(0).GetGrain<IDispatchIntakeGrain>("yijing");
        var escalated = Enumerable.Range(1, 300).Select(n => Escalation("yijing", n)).ToList();
        foreach (var escalation in escalated)
            await intake.EnqueueAsync(escalation);
        await intake.EnqueueAsync(escalated[5]);

        var expected = escalated.Select(e => e.ProblemId).ToList();
        (await ListAllAsync(cluster.Silo(1).GetGrain<IDispatchIntakeGrain>("yijing"), 100)).Select(e => e.ProblemId).ShouldBe(expected);
        (await ListAllAsync(intake, 7)).Select(e => e.ProblemId).ShouldBe(expected);
        var across = await intake.ListAsync(PagedList<EscalatedProblem>.PageSize - 2, 5);
        across.Escalations.Select(e => e.ProblemId).ShouldBe(expected.Skip(PagedList<EscalatedProblem>.PageSize - 2).Take(5));
        across.NextAfter.ShouldBe(PagedList<EscalatedProblem>.PageSize + 3);
        (await intake.ListAsync(300, 10)).ShouldSatisfyAllConditions(p => p.Escalations.ShouldBeEmpty(), p => p.NextAfter.ShouldBeNull());
        (await intake.GetPendingAsync()).Count.ShouldBe(300);
    }

    [Fact]
    public async Task The_intakes_own_stored_state_does_not_grow_with_the_escalations_it_has_taken()
    {
        var intake = cluster.Silo(0).GetGrain<IDispatchIntakeGrain>("beidajie");
        async Task EscalateAndTakeAsync(IEnumerable<int> numbers)
        {
            foreach (var number in numbers)
            {
                await intake.EnqueueAsync(Escalation("beidajie", number));
                (await intake.TakeAsync(Escalation("beidajie", number).ProblemId, $"case-{number}")).IsOk.ShouldBeTrue();
            }
        }

        await EscalateAndTakeAsync(Enumerable.Range(1, 20));
        var after20 = await cluster.StoredStateSizeAsync(typeof(DispatchIntakeGrain), intake);
        await EscalateAndTakeAsync(Enumerable.Range(21, 280));
        var after300 = await cluster.StoredStateSizeAsync(typeof(DispatchIntakeGrain), intake);

        after300.ShouldBeLessThanOrEqualTo(after20 + 4, "the count's encoding may grow a byte; nothing else may");
        (await intake.TakeAsync(Escalation("beidajie", 3).ProblemId, "case-3")).IsOk.ShouldBeTrue("an old escalation is still found, and taking it again is idempotent");
        (await intake.TakeAsync(Escalation("beidajie", 3).ProblemId, "case-x")).Refusal.ShouldBe(Refusal.Conflict);
    }
}
