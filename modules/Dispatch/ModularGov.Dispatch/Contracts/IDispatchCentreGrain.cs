using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using Orleans.Concurrency;

namespace ModularGov.Dispatch.Contracts;

/// <summary>
/// 阳泉市基层治理市区联合调度中心 — the district's one centre, as callers see it: intake with duplicate detection, the
/// board, classes of case, monthly rankings and sanctions. It holds nothing itself: each report goes to the grain of
/// its place, each case publishes itself to its street's board and to its months, so no grain's state grows with the
/// cases the district has ever had and no case ever waits on the centre.
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchCentreGrain")]
public interface IDispatchCentreGrain : IGrainWithStringKey
{
    public const string Key = "centre";

    /// <summary>Registers a case, or links it to the open case it duplicates. The same source key always gives the same answer.</summary>
    [Alias("Receive")]
    Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey);

    /// <summary>The board: open cases (and the latest closed ones) of the given streets, by deadline, one page at a time.</summary>
    [Alias("Board"), ReadOnly]
    Task<BoardPage> GetBoardAsync(BoardQuery query);

    [Alias("Ranking"), ReadOnly]
    Task<Outcome<MonthlyRanking>> GetRankingAsync(string month);

    /// <summary>Closes a month: ranks it and sanctions the bottom unit(s). Closing the same month again changes nothing.</summary>
    [Alias("CloseMonth")]
    Task<Outcome<IReadOnlyList<Sanction>>> CloseMonthAsync(string month, Actor by);

    /// <summary>The sanctions of a year (the current year in China time when none is given).</summary>
    [Alias("Sanctions"), ReadOnly]
    Task<IReadOnlyList<Sanction>> GetSanctionsAsync(int? year);

    [Alias("Classes"), ReadOnly]
    Task<ClassPage> GetClassPromptsAsync(int after, int limit);

    [Alias("StandingFix")]
    Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by);
}

/// <summary>
/// What the board shows: the streets the caller may see (all served streets when null), the one community of theirs
/// a community worker sees (its code within the street), filters, and a page.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardQuery
{
    [Id(0)] public IReadOnlyList<string>? Streets { get; init; }
    [Id(1)] public CaseStep? Step { get; init; }
    [Id(2)] public bool? Overdue { get; init; }
    [Id(3)] public string? Unit { get; init; }
    [Id(4)] public string? After { get; init; }
    [Id(5)] public int Limit { get; init; } = BoardPage.DefaultLimit;
    [Id(6)] public string? Community { get; init; }
}

/// <summary>One page of the board, ordered by deadline then case id; <see cref="Next"/> is the cursor of the next page.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardPage([property: Id(0)] IReadOnlyList<CaseIndexEntry> Cases, [property: Id(1)] string? Next)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}

/// <summary>A page of classes of case, oldest first; <see cref="Next"/> is the <c>after</c> of the next page.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassPage([property: Id(0)] IReadOnlyList<ClassPrompt> Classes, [property: Id(1)] int? Next)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}
