using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Contracts;

/// <summary>A case as it arrives at intake, before the centre numbers it.</summary>
[GenerateSerializer, Immutable]
public sealed record NewCase
{
    [Id(0)] public required CaseSource Source { get; init; }
    [Id(1)] public required string SourceRef { get; init; }
    [Id(2)] public required string Street { get; init; }
    [Id(3)] public required string Community { get; init; }
    [Id(4)] public required ProblemCategory Category { get; init; }
    [Id(5)] public required string Description { get; init; }
    [Id(6)] public required string Place { get; init; }
    [Id(7)] public string? Compound { get; init; }
    [Id(8)] public Urgency? Urgency { get; init; }
    [Id(9)] public DateTimeOffset? ReceivedAt { get; init; }
    [Id(10)] public required Actor By { get; init; }
    [Id(11)] public string? EscalationReason { get; init; }
}

/// <summary>What intake did with a report: a new case, or a link to the open case it duplicates.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseReceipt([property: Id(0)] string CaseId, [property: Id(1)] bool Duplicate, [property: Id(2)] bool Replayed);

[GenerateSerializer, Immutable]
public sealed record CaseEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Action,
    [property: Id(2)] CaseStep Step,
    [property: Id(3)] DeliberationLevel Level,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? Note);

[GenerateSerializer, Immutable]
public sealed record Verification([property: Id(0)] string Findings, [property: Id(1)] string Cause, [property: Id(2)] string By, [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record CaseAppeal(
    [property: Id(0)] string Unit,
    [property: Id(1)] string Reasons,
    [property: Id(2)] DeliberationLevel DecidedAt,
    [property: Id(3)] DateTimeOffset FiledAt,
    [property: Id(4)] bool? Upheld,
    [property: Id(5)] string? Decision);

[GenerateSerializer, Immutable]
public sealed record LinkedReport([property: Id(0)] string SourceRef, [property: Id(1)] string Description, [property: Id(2)] DateTimeOffset At);

/// <summary>A case and its whole history.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required CaseSource Source { get; init; }
    [Id(2)] public required string SourceRef { get; init; }
    [Id(3)] public required string Street { get; init; }
    [Id(4)] public required string Community { get; init; }
    [Id(5)] public required ProblemCategory Category { get; init; }
    [Id(6)] public required string Description { get; init; }
    [Id(7)] public required string Place { get; init; }
    [Id(8)] public string? Compound { get; init; }
    [Id(9)] public required Urgency Urgency { get; init; }
    [Id(10)] public required CaseStep Step { get; init; }
    [Id(11)] public required DeliberationLevel Level { get; init; }
    [Id(12)] public required DateTimeOffset ReceivedAt { get; init; }
    [Id(13)] public required DateTimeOffset Deadline { get; init; }
    [Id(14)] public required bool Overdue { get; init; }
    [Id(15)] public Verification? Verification { get; init; }
    [Id(16)] public string? Lead { get; init; }
    [Id(17)] public required IReadOnlyList<string> Assisting { get; init; }
    [Id(18)] public required IReadOnlyList<CaseAppeal> Appeals { get; init; }
    [Id(19)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(20)] public bool? OnTime { get; init; }
    [Id(21)] public int? Satisfaction { get; init; }
    [Id(22)] public int? TimelinessScore { get; init; }
    [Id(23)] public required IReadOnlyList<LinkedReport> LinkedReports { get; init; }
    [Id(24)] public required IReadOnlyList<CaseEvent> History { get; init; }
    [Id(25)] public string? EscalationReason { get; init; }
    [Id(26)] public required bool DeadlineProvisional { get; init; }
}

/// <summary>What a case publishes of itself for the board, duplicate detection, classes and rankings (its index record).</summary>
[GenerateSerializer, Immutable]
public sealed record CaseIndexEntry
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Street { get; init; }
    [Id(2)] public required string Community { get; init; }
    [Id(3)] public required ProblemCategory Category { get; init; }
    [Id(4)] public required string Place { get; init; }
    [Id(5)] public string? Compound { get; init; }
    [Id(6)] public string? Cause { get; init; }
    [Id(7)] public required CaseStep Step { get; init; }
    [Id(8)] public required DateTimeOffset ReceivedAt { get; init; }
    [Id(9)] public required DateTimeOffset Deadline { get; init; }
    [Id(10)] public required bool Overdue { get; init; }
    [Id(11)] public string? Lead { get; init; }
    [Id(12)] public required IReadOnlyList<string> Assisting { get; init; }
    [Id(13)] public DateTimeOffset? AssignedAt { get; init; }
    [Id(14)] public DateTimeOffset? LeadRespondedAt { get; init; }
    [Id(15)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(16)] public bool? OnTime { get; init; }
    [Id(17)] public int? Satisfaction { get; init; }
    [Id(18)] public DateTimeOffset? EvaluatedAt { get; init; }
    [Id(19)] public required string Description { get; init; }
    [Id(20)] public bool DeadlineProvisional { get; init; }
    /// <summary>The deliberation level; null on an entry published before the board showed levels.</summary>
    [Id(21)] public DeliberationLevel? Level { get; init; }
}
