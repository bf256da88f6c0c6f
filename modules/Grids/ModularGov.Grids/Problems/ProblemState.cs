using ModularGov.Grids.Contracts;

namespace ModularGov.Grids.Problems;

/// <summary>A problem as the grid grain keeps it; <see cref="ProblemView"/> is what leaves the grain.</summary>
[GenerateSerializer]
internal sealed class ProblemState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public NewProblem Filed { get; set; } = null!;
    [Id(2)] public string? MergedCompound { get; set; }
    [Id(3)] public ProblemStatus Status { get; set; }
    [Id(4)] public ProblemLevel Level { get; set; }
    [Id(5)] public string AssignedTo { get; set; } = "";
    [Id(6)] public string? Resolution { get; set; }
    [Id(7)] public List<ProblemTransition> History { get; set; } = [];
    /// <summary>Set once the dispatch centre's intake has recorded it, so a crash in between is retried on activation.</summary>
    [Id(8)] public bool HandedToDispatch { get; set; }

    public ProblemView View(string gridId) => new(
        Id, gridId, Filed.Category, Filed.Description, Filed.Location, MergedCompound, Filed.PhotoUrl, Filed.Source, Filed.Station,
        Status, Level, AssignedTo, Resolution, History[0].At, History[^1].At, History.ToList());
}

/// <summary>An idempotency key a grid has seen: the problem it created and a hash of the request that created it.</summary>
[GenerateSerializer]
internal sealed class IdempotencyEntry
{
    [Id(0)] public string ProblemId { get; set; } = "";
    [Id(1)] public string RequestHash { get; set; } = "";
}

[GenerateSerializer]
internal sealed class GridState
{
    [Id(0)] public int LastProblemNumber { get; set; }
    [Id(1)] public List<ProblemState> Problems { get; set; } = [];
    [Id(2)] public Dictionary<string, IdempotencyEntry> IdempotencyKeys { get; set; } = [];
    [Id(3)] public string? OnDuty { get; set; }
    [Id(4)] public DateTimeOffset? OnDutySince { get; set; }
    [Id(5)] public DateTimeOffset? LastActivity { get; set; }
    [Id(6)] public long Version { get; set; }
}
