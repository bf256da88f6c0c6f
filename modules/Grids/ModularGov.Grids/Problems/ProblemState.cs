using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Grids.Problems;

/// <summary>
/// A problem as its own stored record (in a <see cref="RecordStore{T}"/> of <see cref="Kind"/>, keyed by the problem id),
/// written only by its grid; <see cref="ProblemView"/> is what leaves the grid. <see cref="GridVersion"/> is the grid's
/// change number of the record's last change.
/// </summary>
[GenerateSerializer]
internal sealed class ProblemState
{
    public const string Kind = "grid-problem";

    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public NewProblem Filing { get; set; } = null!;
    [Id(2)] public string? MergedCompound { get; set; }
    [Id(3)] public ProblemStatus Status { get; set; }
    [Id(4)] public ProblemLevel Level { get; set; }
    [Id(5)] public string AssignedTo { get; set; } = "";
    [Id(6)] public string? Resolution { get; set; }
    [Id(7)] public List<ProblemTransition> History { get; set; } = [];
    [Id(9)] public long GridVersion { get; set; }

    /// <summary>The station that reported it, if any: station counters follow it.</summary>
    public string? Station => Filing.Source == ProblemSource.Station ? Filing.Station : null;

    public ProblemView View(string gridId) => new()
    {
        Id = Id,
        GridId = gridId,
        Category = Filing.Category,
        Description = Filing.Description,
        Location = Filing.Location,
        Compound = MergedCompound,
        PhotoUrl = Filing.PhotoUrl,
        Source = Filing.Source,
        Station = Filing.Station,
        Status = Status,
        Level = Level,
        AssignedTo = AssignedTo,
        Resolution = Resolution,
        FiledAt = History[0].At,
        UpdatedAt = History[^1].At,
        History = History.ToList(),
        Position = Filing.Position,
    };
}
