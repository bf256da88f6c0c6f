using ModularGov.Grids.Contracts;

namespace ModularGov.Grids.Problems;

/// <summary>
/// What a grid keeps about itself: its counters, who is on duty, the idempotency keys of its latest filings and the
/// last change it made. It stays small however many problems the grid has had: each problem is its own record.
/// </summary>
[GenerateSerializer]
internal sealed class GridState
{
    /// <summary>How many filings' idempotency keys a grid remembers; a retry comes within seconds, not 128 filings later.</summary>
    public const int RememberedKeys = 128;

    [Id(0)] public int LastProblemNumber { get; set; }
    [Id(3)] public string? OnDuty { get; set; }
    [Id(4)] public DateTimeOffset? OnDutySince { get; set; }
    [Id(5)] public DateTimeOffset? LastActivity { get; set; }
    [Id(6)] public long Version { get; set; }
    [Id(7)] public Dictionary<ProblemStatus, int> ByStatus { get; set; } = [];
    [Id(8)] public Dictionary<string, StationCounts> Stations { get; set; } = [];
    [Id(9)] public List<IdempotencyEntry> RecentKeys { get; set; } = [];
    /// <summary>Problems raised to the dispatch centre whose handing over the intake has not yet recorded.</summary>
    [Id(10)] public List<string> ProblemsAwaitingDispatch { get; set; } = [];
    /// <summary>The latest change, written before the problem's record: if the record never got it, it is undone.</summary>
    [Id(11)] public GridChange? LastChange { get; set; }
    /// <summary>Problems filed per month and category (<see cref="MonthlyFilingKeys"/>), for the last <see cref="MonthlyFilingKeys.Months"/> months.</summary>
    [Id(12)] public Dictionary<string, int> MonthlyFilings { get; set; } = [];
    /// <summary>How many problems the grid had when it began counting them by month (those filed before this version), set once.</summary>
    [Id(13)] public int? UncountedFilingCount { get; set; }
    /// <summary>The latest open problems that came with coordinates, for the street's map: at most <see cref="MappedLimit"/>.</summary>
    [Id(14)] public List<MappedProblem> MappedProblems { get; set; } = [];

    public const int MappedLimit = 100;

    public void Apply(GridChange change)
    {
        Count(change, +1);
        if (change.Key is { } key)
        {
            LastProblemNumber = key.Number;
            RecentKeys.Add(key);
            if (RecentKeys.Count > RememberedKeys)
                RecentKeys.RemoveAt(0);
        }
        if (change.ToDispatch)
            ProblemsAwaitingDispatch.Add(change.ProblemId);
        if (change.Mapped is { } mapped)
        {
            if (change.To == ProblemStatus.Resolved)
                MappedProblems.RemoveAll(m => m.ProblemId == mapped.ProblemId);
            else if (change.From is null)
                MappedProblems.Add(mapped);
            if (MappedProblems.Count > MappedLimit)
                MappedProblems.RemoveAt(0);
        }
        LastChange = change;
    }

    /// <summary>Takes back a change whose problem record was never written (the process died in between).</summary>
    public void Undo(GridChange change)
    {
        Count(change, -1);
        if (change.Key is { } key)
        {
            LastProblemNumber = key.Number - 1;
            RecentKeys.Remove(key);
        }
        if (change.ToDispatch)
            ProblemsAwaitingDispatch.Remove(change.ProblemId);
        if (change.Mapped is { } mapped)
        {
            if (change.To == ProblemStatus.Resolved)
                MappedProblems.Add(mapped);
            else if (change.From is null)
                MappedProblems.RemoveAll(m => m.ProblemId == mapped.ProblemId);
        }
        LastChange = null;
    }

    /// <summary>Moves the change's problem between the status counters, and its station's, by <paramref name="sign"/> (+1 to apply, -1 to undo).</summary>
    private void Count(GridChange change, int sign)
    {
        if (change.From is { } from)
            ByStatus[from] = ByStatus.GetValueOrDefault(from) - sign;
        ByStatus[change.To] = ByStatus.GetValueOrDefault(change.To) + sign;
        if (change.Station is { } station)
            Stations[station] = Stations.GetValueOrDefault(station, new StationCounts(0, 0))
                .Plus(new StationCounts(change.From is null ? sign : 0, change.To == ProblemStatus.Resolved ? sign : 0));
        if (change.MonthlyKey is { } monthly)
        {
            MonthlyFilings[monthly] = MonthlyFilings.GetValueOrDefault(monthly) + sign;
            if (MonthlyFilings[monthly] <= 0)
                MonthlyFilings.Remove(monthly);
            MonthlyFilingKeys.KeepRecent(MonthlyFilings);
        }
    }

    public ProblemCounts Counts() => new(
        ByStatus.GetValueOrDefault(ProblemStatus.Filed),
        ByStatus.GetValueOrDefault(ProblemStatus.Accepted),
        ByStatus.GetValueOrDefault(ProblemStatus.InProgress),
        ByStatus.GetValueOrDefault(ProblemStatus.Resolved),
        ByStatus.GetValueOrDefault(ProblemStatus.Escalated));
}

/// <summary>
/// One change to one problem as the grid counts it: its status before (none for a filing) and after, the station
/// that reported it, the idempotency key of a filing, whether it now goes to the dispatch centre, and a filing's month and category.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record GridChange(
    [property: Id(0)] string ProblemId,
    [property: Id(1)] long GridVersion,
    [property: Id(2)] ProblemStatus? From,
    [property: Id(3)] ProblemStatus To,
    [property: Id(4)] string? Station,
    [property: Id(5)] IdempotencyEntry? Key,
    [property: Id(6)] bool ToDispatch,
    [property: Id(7)] string? MonthlyKey = null,
    [property: Id(8)] MappedProblem? Mapped = null);

/// <summary>An idempotency key a grid has seen (as a hash), the problem number it created and a hash of the request that created it.</summary>
[GenerateSerializer, Immutable]
internal sealed record IdempotencyEntry([property: Id(0)] long KeyHash, [property: Id(1)] int Number, [property: Id(2)] long RequestHash);
