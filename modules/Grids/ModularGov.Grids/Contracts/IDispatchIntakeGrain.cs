using Orleans.Concurrency;

using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// The contract the Dispatch module consumes: per street (keyed by street code), the problems escalated past
/// the street to the joint dispatch centre, in order. Dispatch takes each one as a case and acknowledges it;
/// taking is idempotent, and nothing is removed, so the street keeps the record.
/// </summary>
[Alias("ModularGov.Grids.IDispatchIntakeGrain")]
public interface IDispatchIntakeGrain : IGrainWithStringKey
{
    /// <summary>Called by a grid when a problem reaches the dispatch centre; a repeat is ignored.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(EscalatedProblem problem);

    [Alias("Pending"), ReadOnly]
    Task<IReadOnlyList<EscalatedProblem>> GetPendingAsync();

    [Alias("All"), ReadOnly]
    Task<IReadOnlyList<EscalatedProblem>> GetAllAsync();

    /// <summary>Marks the problem as taken by the centre under the given case id.</summary>
    [Alias("Take")]
    Task<Outcome<EscalatedProblem>> TakeAsync(string problemId, string caseId);
}
