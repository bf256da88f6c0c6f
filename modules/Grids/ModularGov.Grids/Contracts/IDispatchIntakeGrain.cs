using Orleans.Concurrency;

using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// The contract the Dispatch module consumes: per street (keyed by street code), the problems escalated past
/// the street to the joint dispatch centre, in order. Dispatch takes each one as a case and acknowledges it, or
/// refuses it with the reason; taking is idempotent, and nothing is removed, so the street keeps the record.
/// </summary>
[Alias("ModularGov.Grids.IDispatchIntakeGrain")]
public interface IDispatchIntakeGrain : IGrainWithStringKey
{
    /// <summary>Called by a grid when a problem reaches the dispatch centre; a repeat is ignored.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(EscalatedProblem problem);

    /// <summary>Every escalation not yet taken as a case, oldest first, the refused ones too (so the centre can retry them).</summary>
    [Alias("Pending"), ReadOnly]
    Task<IReadOnlyList<EscalatedProblem>> GetPendingAsync();

    /// <summary>
    /// The escalations after position <paramref name="after"/> (0: from the first), oldest first, at most
    /// <paramref name="limit"/> (1–<see cref="EscalationPage.MaxLimit"/>).
    /// </summary>
    [Alias("List"), ReadOnly]
    Task<EscalationPage> ListAsync(int after, int limit);

    /// <summary>Marks the problem as taken by the centre under the given case id.</summary>
    [Alias("Take")]
    Task<Outcome<EscalatedProblem>> TakeAsync(string problemId, string caseId);

    /// <summary>Records why the centre cannot take the problem as a case (logged too); it stays pending for a retry.</summary>
    [Alias("Refuse")]
    Task<Outcome<EscalatedProblem>> RefuseAsync(string problemId, string reason);
}
