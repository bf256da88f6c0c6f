using ModularGov.SharedKernel.Http;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// A problem the street escalated to the joint dispatch centre: pending until the Dispatch module takes it as a case
/// (<see cref="TakenAsCase"/>); <see cref="RefusedBecause"/> says why the centre could not take it, while it could not.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EscalatedProblem(
    [property: Id(0)] string ProblemId,
    [property: Id(1)] string GridId,
    [property: Id(2)] string Street,
    [property: Id(3)] string Community,
    [property: Id(4)] ProblemCategory Category,
    [property: Id(5)] string Description,
    [property: Id(6)] string Location,
    [property: Id(7)] string? Compound,
    [property: Id(8)] string Reason,
    [property: Id(9)] DateTimeOffset EscalatedAt,
    [property: Id(10)] string? TakenAsCase,
    [property: Id(11)] string? RefusedBecause);

/// <summary>What the centre made of an escalation: the case it became, or why it refuses it; neither leaves it pending.</summary>
[GenerateSerializer, Immutable]
public sealed record EscalationOutcome([property: Id(0)] string? CaseId, [property: Id(1)] string? Refused);

/// <summary>A page of a street's escalations, oldest first; <see cref="NextAfter"/> is where the next page starts, null after the last.</summary>
[GenerateSerializer, Immutable]
public sealed record EscalationPage([property: Id(0)] IReadOnlyList<EscalatedProblem> Escalations, [property: Id(1)] int? NextAfter)
{
    public const int MaxLimit = Paging.MaxLimit;
}
