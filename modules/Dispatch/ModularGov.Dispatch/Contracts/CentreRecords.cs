using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Contracts;

/// <summary>A unit's month (评): response, resolution and satisfaction rates, its weighted score, and its rank if it handled enough cases.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitScore
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required int Cases { get; init; }
    [Id(3)] public double? ResponseRate { get; init; }
    [Id(4)] public double? ResolutionRate { get; init; }
    [Id(5)] public double? SatisfactionRate { get; init; }
    [Id(6)] public required double Score { get; init; }
    [Id(7)] public int? Rank { get; init; }
    [Id(8)] public string? NotRankedBecause { get; init; }
    [Id(9)] public required IReadOnlyList<string> CaseIds { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record MonthlyRanking([property: Id(0)] string Month, [property: Id(1)] int MinimumCases, [property: Id(2)] IReadOnlyList<UnitScore> Units, [property: Id(3)] bool Closed);

/// <summary>A sanction (用) with its evidence: the month's score, rank and the cases behind them.</summary>
[GenerateSerializer, Immutable]
public sealed record Sanction
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Unit { get; init; }
    [Id(2)] public required string UnitName { get; init; }
    [Id(3)] public required string Month { get; init; }
    [Id(4)] public required SanctionLevel Level { get; init; }
    [Id(5)] public required string Measure { get; init; }
    [Id(6)] public required int TimesThisYear { get; init; }
    [Id(7)] public required UnitScore Evidence { get; init; }
    [Id(8)] public required Actor DecidedBy { get; init; }
    [Id(9)] public required DateTimeOffset At { get; init; }
}

/// <summary>从一件事到一类事: a class of case that keeps coming back, and the standing fix the centre put in place.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassPrompt
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Key { get; init; }
    [Id(2)] public required ProblemCategory Category { get; init; }
    [Id(3)] public required string Place { get; init; }
    [Id(4)] public required string Cause { get; init; }
    [Id(5)] public required IReadOnlyList<string> CaseIds { get; init; }
    [Id(6)] public required DateTimeOffset PromptedAt { get; init; }
    [Id(7)] public string? StandingFix { get; init; }
    [Id(8)] public string? FixOwner { get; init; }
    [Id(9)] public Actor? FixedBy { get; init; }
}

/// <summary>A unit the centre can assign: a city or district department, or a utility company.</summary>
public sealed record UnitInfo(string Id, string Name, string Kind, bool Sample);
