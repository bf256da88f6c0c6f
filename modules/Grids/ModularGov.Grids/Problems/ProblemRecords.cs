using Orleans.Storage;

namespace ModularGov.Grids.Problems;

/// <summary>
/// The problems of a grid, each its own record in the grain storage (keyed by the problem id), written only by the
/// grid that owns them. A change then writes one problem, not the grid's whole history.
/// </summary>
internal sealed class ProblemRecords(IGrainStorage storage)
{
    private const string StateName = "problem";

    /// <summary>The stored record, with its ETag for the next write; null if there is none.</summary>
    public async Task<ProblemRecord?> ReadAsync(string problemId)
    {
        var stored = new GrainState<ProblemState>(new ProblemState());
        await storage.ReadStateAsync(StateName, Key(problemId), stored);
        return stored.RecordExists && stored.State is { } problem ? new ProblemRecord(problem, stored.ETag) : null;
    }

    /// <summary>Writes a record read by <see cref="ReadAsync"/>, or a new one (refused if the id exists).</summary>
    public async Task WriteAsync(ProblemRecord record)
    {
        var stored = new GrainState<ProblemState>(record.Problem) { ETag = record.ETag, RecordExists = record.ETag is not null };
        await storage.WriteStateAsync(StateName, Key(record.Problem.Id), stored);
        record.ETag = stored.ETag;
    }

    private static GrainId Key(string problemId) => GrainId.Create("grid-problem", problemId);
}

/// <summary>A problem and the version of its stored record (none yet for a new one).</summary>
internal sealed class ProblemRecord(ProblemState problem, string? etag = null)
{
    public ProblemState Problem { get; } = problem;
    public string? ETag { get; set; } = etag;
}
