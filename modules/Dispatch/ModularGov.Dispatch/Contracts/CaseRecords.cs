using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Contracts;

/// <summary>A case as it arrives at intake, before the centre numbers it.</summary>
[GenerateSerializer, Immutable]
public sealed record NewCase(
    [property: Id(0)] CaseSource Source,
    [property: Id(1)] string SourceRef,
    [property: Id(2)] string Street,
    [property: Id(3)] string Community,
    [property: Id(4)] ProblemCategory Category,
    [property: Id(5)] string Description,
    [property: Id(6)] string Place,
    [property: Id(7)] string? Compound,
    [property: Id(8)] Urgency? Urgency,
    [property: Id(9)] DateTimeOffset? ReceivedAt,
    [property: Id(10)] Actor By,
    [property: Id(11)] string? EscalationReason = null);

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
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] CaseSource Source,
    [property: Id(2)] string SourceRef,
    [property: Id(3)] string Street,
    [property: Id(4)] string Community,
    [property: Id(5)] ProblemCategory Category,
    [property: Id(6)] string Description,
    [property: Id(7)] string Place,
    [property: Id(8)] string? Compound,
    [property: Id(9)] Urgency Urgency,
    [property: Id(10)] CaseStep Step,
    [property: Id(11)] DeliberationLevel Level,
    [property: Id(12)] DateTimeOffset ReceivedAt,
    [property: Id(13)] DateTimeOffset Deadline,
    [property: Id(14)] bool Overdue,
    [property: Id(15)] Verification? Verification,
    [property: Id(16)] string? Lead,
    [property: Id(17)] IReadOnlyList<string> Assisting,
    [property: Id(18)] IReadOnlyList<CaseAppeal> Appeals,
    [property: Id(19)] DateTimeOffset? ClosedAt,
    [property: Id(20)] bool? OnTime,
    [property: Id(21)] int? Satisfaction,
    [property: Id(22)] int? TimelinessScore,
    [property: Id(23)] IReadOnlyList<LinkedReport> LinkedReports,
    [property: Id(24)] IReadOnlyList<CaseEvent> History,
    [property: Id(25)] string? EscalationReason,
    [property: Id(26)] bool DeadlineProvisional);

/// <summary>What a case publishes of itself for the board, duplicate detection, classes and rankings (its index record).</summary>
[GenerateSerializer, Immutable]
public sealed record CaseIndexEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Street,
    [property: Id(2)] string Community,
    [property: Id(3)] ProblemCategory Category,
    [property: Id(4)] string Place,
    [property: Id(5)] string? Compound,
    [property: Id(6)] string? Cause,
    [property: Id(7)] CaseStep Step,
    [property: Id(8)] DateTimeOffset ReceivedAt,
    [property: Id(9)] DateTimeOffset Deadline,
    [property: Id(10)] bool Overdue,
    [property: Id(11)] string? Lead,
    [property: Id(12)] IReadOnlyList<string> Assisting,
    [property: Id(13)] DateTimeOffset? AssignedAt,
    [property: Id(14)] DateTimeOffset? LeadRespondedAt,
    [property: Id(15)] DateTimeOffset? ClosedAt,
    [property: Id(16)] bool? OnTime,
    [property: Id(17)] int? Satisfaction,
    [property: Id(18)] DateTimeOffset? EvaluatedAt,
    [property: Id(19)] string Description,
    [property: Id(20)] bool DeadlineProvisional = false);
