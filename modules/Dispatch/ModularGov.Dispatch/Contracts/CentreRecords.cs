using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Contracts;

/// <summary>A unit's month (评): response, resolution and satisfaction rates, its weighted score, and its rank if it handled enough cases.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitScore(
    [property: Id(0)] string Unit,
    [property: Id(1)] string Name,
    [property: Id(2)] int Cases,
    [property: Id(3)] double? ResponseRate,
    [property: Id(4)] double? ResolutionRate,
    [property: Id(5)] double? SatisfactionRate,
    [property: Id(6)] double Score,
    [property: Id(7)] int? Rank,
    [property: Id(8)] string? NotRankedBecause,
    [property: Id(9)] IReadOnlyList<string> CaseIds);

[GenerateSerializer, Immutable]
public sealed record MonthlyRanking([property: Id(0)] string Month, [property: Id(1)] int MinimumCases, [property: Id(2)] IReadOnlyList<UnitScore> Units, [property: Id(3)] bool Closed);

/// <summary>A sanction (用) with its evidence: the month's score, rank and the cases behind them.</summary>
[GenerateSerializer, Immutable]
public sealed record Sanction(
    [property: Id(0)] string Id,
    [property: Id(1)] string Unit,
    [property: Id(2)] string UnitName,
    [property: Id(3)] string Month,
    [property: Id(4)] SanctionLevel Level,
    [property: Id(5)] string Measure,
    [property: Id(6)] int TimesThisYear,
    [property: Id(7)] UnitScore Evidence,
    [property: Id(8)] Actor DecidedBy,
    [property: Id(9)] DateTimeOffset At);

/// <summary>从一件事到一类事: a class of case that keeps coming back, and the standing fix the centre put in place.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassPrompt(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] ProblemCategory Category,
    [property: Id(3)] string Place,
    [property: Id(4)] string Cause,
    [property: Id(5)] IReadOnlyList<string> CaseIds,
    [property: Id(6)] DateTimeOffset PromptedAt,
    [property: Id(7)] string? StandingFix,
    [property: Id(8)] string? FixOwner,
    [property: Id(9)] Actor? FixedBy);

/// <summary>A unit the centre can assign: a city or district department, or a utility company.</summary>
public sealed record UnitInfo(string Id, string Name, string Kind, bool Sample);
