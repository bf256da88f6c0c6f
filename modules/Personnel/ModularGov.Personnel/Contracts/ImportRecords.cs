using ModularGov.SharedKernel.Personnel;

namespace ModularGov.Personnel.Contracts;

/// <summary>
/// One row of a roster spreadsheet, read and checked at the edge: a new person (no <see cref="Id"/>) or an update of one on the
/// roster. Numbers arrive sealed; null keeps what the record has.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RosterRow
{
    [Id(0)] public required int Line { get; init; }
    [Id(1)] public string? Id { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required CareerRung Rung { get; init; }
    [Id(4)] public string? Community { get; init; }
    [Id(5)] public required CommitteeRole Committee { get; init; }
    [Id(6)] public int? GraduateYear { get; init; }
    [Id(7)] public SealedNumber? Identity { get; init; }
    [Id(8)] public SealedNumber? Phone { get; init; }
}

/// <summary>What an import did: how many rows created, updated and rejected, and each row's outcome in the sheet's order.</summary>
public sealed record ImportReport(int Created, int Updated, int Rejected, IReadOnlyList<RowOutcome> Rows);

/// <summary>What became of one row: created, updated or rejected with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record RowOutcome([property: Id(0)] int Line, [property: Id(1)] string Outcome, [property: Id(2)] string? Person, [property: Id(3)] string? Reason)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Rejected = "rejected";
}
