using ModularGov.SharedKernel.Access;
using Orleans.Concurrency;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// 网格 — one grain per grid, keyed <c>&lt;street&gt;.&lt;grid&gt;</c> (e.g. <c>nanshanlu.g017</c>): its live state and
/// the problems reported in it. Problem ids are <c>&lt;grid id&gt;.p&lt;number&gt;</c>.
/// </summary>
[Alias("ModularGov.Grids.IGridGrain")]
public interface IGridGrain : IGrainWithStringKey
{
    [Alias("Snapshot"), ReadOnly]
    Task<GridSnapshot> GetSnapshotAsync();

    /// <summary>Counters for the street's summary; interleaves, so the street can ask while the grid reports to it.</summary>
    [Alias("Counters"), AlwaysInterleave]
    Task<GridCounters> GetCountersAsync();

    /// <summary>Files a problem. The same idempotency key with the same request returns the first problem; with a different request it is refused.</summary>
    [Alias("File")]
    Task<Outcome<FiledProblem>> FileAsync(NewProblem problem, Actor by, string idempotencyKey);

    [Alias("Accept")]
    Task<Outcome<ProblemView>> AcceptAsync(string problemId, GridActor by);

    [Alias("Start")]
    Task<Outcome<ProblemView>> StartAsync(string problemId, GridActor by);

    [Alias("Resolve")]
    Task<Outcome<ProblemView>> ResolveAsync(string problemId, string resolution, GridActor by);

    /// <summary>Hands the problem one level up; from the street it goes to the joint dispatch centre's intake.</summary>
    [Alias("Escalate")]
    Task<Outcome<ProblemView>> EscalateAsync(string problemId, string reason, GridActor by);

    [Alias("Problem"), ReadOnly]
    Task<ProblemView?> GetProblemAsync(string problemId);

    /// <summary>
    /// The problems numbered after <paramref name="after"/> (0: from the first), oldest first, with the given status if
    /// one is given: at most <paramref name="limit"/>, and a page ends early after <see cref="ProblemPage.ScanLimit"/>
    /// problems were read, so a rare status never makes one call read a grid's whole history.
    /// </summary>
    [Alias("Problems"), ReadOnly]
    Task<ProblemPage> ListProblemsAsync(ProblemStatus? status, int after, int limit);

    /// <summary>
    /// The problems filed at or after <paramref name="since"/>, newest first, numbered before <paramref name="before"/> (null:
    /// from the newest): at most <paramref name="limit"/>, reading at most <see cref="ProblemPage.ScanLimit"/> problems. A grid
    /// numbers its problems in filing order, so the page stops at the first older one; its <see cref="ProblemPage.NextAfter"/>
    /// is the <paramref name="before"/> of the next page, null when no problem filed since is left.
    /// </summary>
    [Alias("RecentProblems"), ReadOnly]
    Task<ProblemPage> ListProblemsSinceAsync(DateTimeOffset since, int? before, int limit);

    /// <summary>Records who is on duty in the grid now (the worker or one of the micro-grid leads).</summary>
    [Alias("OnDuty")]
    Task<Outcome<GridSnapshot>> SetOnDutyAsync(string person, Actor by);
}
