using ModularGov.Grids.Contracts;
using ModularGov.Grids.Problems;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Grids.Tests;

/// <summary>
/// A grid writes a change to itself first and to the problem's record second. These tests lose the second write, as a
/// process killed in between would, and show the grid takes the change back when it is next activated.
/// </summary>
public sealed class GridRecoveryTests(GridCluster cluster) : IClassFixture<GridCluster>
{
    private static readonly Actor Worker = GridCluster.Person("网格员", "grid-worker", "grid:nanshanlu.g050");
    private static readonly GridActor GridWorker = new(Worker, ProblemLevel.Grid);

    private static NewProblem Problem(string description) => new()
    {
        Category = ProblemCategory.Environment,
        Description = description,
        Location = "5号楼",
        Source = ProblemSource.GridWorker,
    };

    /// <summary>Puts the stored record of a problem back as it was before its last change, or removes it if it was new.</summary>
    private async Task LoseLastRecordWriteAsync(string problemId, ProblemState? before)
    {
        var storage = cluster.Storage(1);
        var grainId = GrainId.Create(ProblemState.Kind, problemId);
        var stored = new GrainState<ProblemState>(new ProblemState());
        await storage.ReadStateAsync(ProblemState.Kind, grainId, stored);
        if (before is null)
            await storage.ClearStateAsync(ProblemState.Kind, grainId, stored);
        else
        {
            stored.State = before;
            await storage.WriteStateAsync(ProblemState.Kind, grainId, stored);
        }
        await cluster.DeactivateAllAsync();
    }

    private async Task<ProblemState> StoredAsync(string problemId)
    {
        var stored = new GrainState<ProblemState>(new ProblemState());
        await cluster.Storage(0).ReadStateAsync(ProblemState.Kind, GrainId.Create(ProblemState.Kind, problemId), stored);
        return stored.State!;
    }

    [Fact]
    public async Task A_filing_whose_problem_record_was_lost_is_undone_and_its_number_and_key_are_free_again()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g050");
        var first = (await grid.FileAsync(Problem("路灯不亮"), Worker, "recovery-1")).Value!.Problem;
        var lost = (await grid.FileAsync(Problem("井盖缺失"), Worker, "recovery-2")).Value!.Problem;
        var before = await grid.GetSnapshotAsync();

        await LoseLastRecordWriteAsync(lost.Id, before: null);

        var after = await cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g050").GetSnapshotAsync();
        after.Problems.Filed.ShouldBe(before.Problems.Filed - 1);
        (await grid.GetProblemAsync(lost.Id)).ShouldBeNull();
        (await grid.GetProblemAsync(first.Id)).ShouldNotBeNull();
        var again = (await grid.FileAsync(Problem("井盖缺失"), Worker, "recovery-2")).Value!;
        again.Replayed.ShouldBeFalse("the lost filing was never acknowledged, so its retry files it");
        again.Problem.Id.ShouldBe(lost.Id);
    }

    [Fact]
    public async Task A_transition_whose_problem_record_was_lost_is_undone_in_the_counters()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g051");
        var filed = (await grid.FileAsync(Problem("违章停车"), Worker, "recovery-3")).Value!.Problem;
        var beforeAccept = await StoredAsync(filed.Id);
        (await grid.AcceptAsync(filed.Id, GridWorker)).Value!.Status.ShouldBe(ProblemStatus.Accepted);

        await LoseLastRecordWriteAsync(filed.Id, beforeAccept);

        var snapshot = await grid.GetSnapshotAsync();
        snapshot.Problems.Accepted.ShouldBe(0);
        snapshot.Problems.Filed.ShouldBe(1);
        (await grid.GetProblemAsync(filed.Id))!.Status.ShouldBe(ProblemStatus.Filed);
        (await grid.AcceptAsync(filed.Id, GridWorker)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_completed_change_is_kept_when_the_grid_comes_back()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g052");
        var filed = (await grid.FileAsync(Problem("楼道堆物"), Worker, "recovery-4")).Value!.Problem;
        await grid.AcceptAsync(filed.Id, GridWorker);
        var before = await grid.GetSnapshotAsync();

        await cluster.DeactivateAllAsync();

        var after = await cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g052").GetSnapshotAsync();
        after.Problems.ShouldBe(before.Problems);
        (await grid.GetProblemAsync(filed.Id))!.Status.ShouldBe(ProblemStatus.Accepted);
    }
}
