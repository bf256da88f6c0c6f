using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Grids.Contracts;

/// <summary>A problem as filed, before the grid gives it an id. Validated by the caller's endpoint and again by the grid.</summary>
[GenerateSerializer, Immutable]
public sealed record NewProblem(
    [property: Id(0)] ProblemCategory Category,
    [property: Id(1)] string Description,
    [property: Id(2)] string Location,
    [property: Id(3)] string? Compound,
    [property: Id(4)] string? PhotoUrl,
    [property: Id(5)] ProblemSource Source,
    [property: Id(6)] string? Station);

/// <summary>One audited step in a problem's life.</summary>
[GenerateSerializer, Immutable]
public sealed record ProblemTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Action,
    [property: Id(2)] ProblemStatus Status,
    [property: Id(3)] ProblemLevel Level,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? Note);

/// <summary>A problem and its whole audited history.</summary>
[GenerateSerializer, Immutable]
public sealed record ProblemView(
    [property: Id(0)] string Id,
    [property: Id(1)] string GridId,
    [property: Id(2)] ProblemCategory Category,
    [property: Id(3)] string Description,
    [property: Id(4)] string Location,
    [property: Id(5)] string? Compound,
    [property: Id(6)] string? PhotoUrl,
    [property: Id(7)] ProblemSource Source,
    [property: Id(8)] string? Station,
    [property: Id(9)] ProblemStatus Status,
    [property: Id(10)] ProblemLevel Level,
    [property: Id(11)] string AssignedTo,
    [property: Id(12)] string? Resolution,
    [property: Id(13)] DateTimeOffset FiledAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] IReadOnlyList<ProblemTransition> History);

/// <summary>The answer to filing: the problem's id, and whether this was a replay of an earlier identical request.</summary>
[GenerateSerializer, Immutable]
public sealed record FiledProblem([property: Id(0)] ProblemView Problem, [property: Id(1)] bool Replayed);

/// <summary>A page of a grid's problems; <see cref="NextAfter"/> is where the next page starts, null after the last.</summary>
[GenerateSerializer, Immutable]
public sealed record ProblemPage([property: Id(0)] IReadOnlyList<ProblemView> Problems, [property: Id(1)] int? NextAfter)
{
    public const int MaxLimit = Paging.MaxLimit;
    public const int ScanLimit = 5000;
}
