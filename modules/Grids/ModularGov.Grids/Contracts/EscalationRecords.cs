using ModularGov.SharedKernel.Http;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// A problem the street escalated to the joint dispatch centre: pending until the Dispatch module takes it as a case
/// (<see cref="TakenAsCase"/>); <see cref="RefusedBecause"/> says why the centre could not take it, while it could not.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EscalatedProblem
{
    [Id(0)] public required string ProblemId { get; init; }
    [Id(1)] public required string GridId { get; init; }
    [Id(2)] public required string Street { get; init; }
    [Id(3)] public required string Community { get; init; }
    [Id(4)] public required ProblemCategory Category { get; init; }
    [Id(5)] public required string Description { get; init; }
    [Id(6)] public required string Location { get; init; }
    [Id(7)] public string? Compound { get; init; }
    [Id(8)] public required string Reason { get; init; }
    [Id(9)] public required DateTimeOffset EscalatedAt { get; init; }
    [Id(10)] public string? TakenAsCase { get; init; }
    [Id(11)] public string? RefusedBecause { get; init; }
}

/// <summary>What the centre made of an escalation: the case it became, or why it refuses it; neither leaves it pending.</summary>
[GenerateSerializer, Immutable]
public sealed record EscalationOutcome([property: Id(0)] string? CaseId, [property: Id(1)] string? Refused);

/// <summary>A page of a street's escalations, oldest first; <see cref="NextAfter"/> is where the next page starts, null after the last.</summary>
[GenerateSerializer, Immutable]
public sealed record EscalationPage([property: Id(0)] IReadOnlyList<EscalatedProblem> Escalations, [property: Id(1)] int? NextAfter)
{
    public const int MaxLimit = Paging.MaxLimit;
}
