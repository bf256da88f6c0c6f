using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Grids.Contracts;

/// <summary>A problem as filed, before the grid gives it an id. Validated by the caller's endpoint and again by the grid.</summary>
[GenerateSerializer, Immutable]
public sealed record NewProblem
{
    [Id(0)] public required ProblemCategory Category { get; init; }
    [Id(1)] public required string Description { get; init; }
    [Id(2)] public required string Location { get; init; }
    [Id(3)] public string? Compound { get; init; }
    [Id(4)] public string? PhotoUrl { get; init; }
    [Id(5)] public required ProblemSource Source { get; init; }
    [Id(6)] public string? Station { get; init; }
    /// <summary>Where the reporter stood, in WGS-84, when the report came with coordinates.</summary>
    [Id(7)] public GeoPosition? Position { get; init; }
}

/// <summary>How long a filing's texts may be, wherever a problem is filed (the API, the console's form, Open311).</summary>
public static class ProblemLimits
{
    public const int Description = TextRules.MaxReport;
    public const int Location = 200;
    public const int PhotoUrl = 500;
    public const int IdempotencyKey = 100;
}

/// <summary>A point in WGS-84 degrees.</summary>
[GenerateSerializer, Immutable]
public sealed record GeoPosition([property: Id(0)] double Latitude, [property: Id(1)] double Longitude);

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
public sealed record ProblemView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string GridId { get; init; }
    [Id(2)] public required ProblemCategory Category { get; init; }
    [Id(3)] public required string Description { get; init; }
    [Id(4)] public required string Location { get; init; }
    [Id(5)] public string? Compound { get; init; }
    [Id(6)] public string? PhotoUrl { get; init; }
    [Id(7)] public required ProblemSource Source { get; init; }
    [Id(8)] public string? Station { get; init; }
    [Id(9)] public required ProblemStatus Status { get; init; }
    [Id(10)] public required ProblemLevel Level { get; init; }
    [Id(11)] public required string AssignedTo { get; init; }
    [Id(12)] public string? Resolution { get; init; }
    [Id(13)] public required DateTimeOffset FiledAt { get; init; }
    [Id(14)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(15)] public required IReadOnlyList<ProblemTransition> History { get; init; }
    [Id(16)] public GeoPosition? Position { get; init; }
}

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
