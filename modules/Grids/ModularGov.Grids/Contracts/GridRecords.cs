using ModularGov.SharedKernel.Access;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// Who is acting on a grid, and the highest level they may act at there: a grid worker at grid level, the
/// community's workers up to community level, the street office up to street level, the district above.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GridActor([property: Id(0)] Actor Actor, [property: Id(1)] ProblemLevel MaxLevel);

/// <summary>Problem counts of one grid (or a street), by status.</summary>
[GenerateSerializer, Immutable]
public sealed record ProblemCounts(
    [property: Id(0)] int Filed,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int InProgress,
    [property: Id(3)] int Resolved,
    [property: Id(4)] int Escalated)
{
    public static readonly ProblemCounts Zero = new(0, 0, 0, 0, 0);

    public int Open => Filed + Accepted + InProgress + Escalated;

    public int Total => Open + Resolved;

    public ProblemCounts Plus(ProblemCounts other) => new(
        Filed + other.Filed, Accepted + other.Accepted, InProgress + other.InProgress, Resolved + other.Resolved, Escalated + other.Escalated);
}

/// <summary>What a station reported through this system and how many of those are resolved.</summary>
[GenerateSerializer, Immutable]
public sealed record StationCounts([property: Id(0)] int Reported, [property: Id(1)] int Resolved)
{
    public StationCounts Plus(StationCounts other) => new(Reported + other.Reported, Resolved + other.Resolved);
}

/// <summary>
/// A grid's counters, with the grid's change number so the street keeps only the newest report of each grid; its problems filed
/// per month and category (<c>yyyy-MM/category</c>, the last 12 months), and how many it had filed before it counted them so.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GridCounters(
    [property: Id(0)] long Version,
    [property: Id(1)] ProblemCounts Problems,
    [property: Id(2)] IReadOnlyDictionary<string, StationCounts> Stations,
    [property: Id(3)] DateTimeOffset? LastActivity,
    [property: Id(4)] IReadOnlyDictionary<string, int>? MonthlyFilings = null,
    [property: Id(5)] int UncountedFilingCount = 0);

/// <summary>A merged compound as a grid covers it.</summary>
[GenerateSerializer, Immutable]
public sealed record GridCompound([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] int Households, [property: Id(3)] int Residents);

/// <summary>网格实时状态 — the live state of one grid.</summary>
[GenerateSerializer, Immutable]
public sealed record GridSnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Street { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required string Community { get; init; }
    [Id(4)] public required string CommunityName { get; init; }
    [Id(5)] public required int Households { get; init; }
    [Id(6)] public required int Residents { get; init; }
    [Id(7)] public required IReadOnlyList<GridCompound> Compounds { get; init; }
    [Id(8)] public required string Worker { get; init; }
    [Id(9)] public required IReadOnlyList<string> MicroGridLeads { get; init; }
    [Id(10)] public required string OnDuty { get; init; }
    [Id(11)] public DateTimeOffset? OnDutySince { get; init; }
    [Id(12)] public required ProblemCounts Problems { get; init; }
    [Id(13)] public DateTimeOffset? LastActivity { get; init; }
    /// <summary>The latest open problems filed with coordinates (at most 100), for the map.</summary>
    [Id(14)] public IReadOnlyList<MappedProblem> MappedProblems { get; init; } = [];
}

/// <summary>An open problem where it was reported (WGS-84), for the street's map.</summary>
[GenerateSerializer, Immutable]
public sealed record MappedProblem(
    [property: Id(0)] string ProblemId, [property: Id(1)] double Latitude, [property: Id(2)] double Longitude, [property: Id(3)] ProblemCategory Category);
