using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using Orleans.Concurrency;

namespace ModularGov.Dispatch.Contracts;

/// <summary>
/// One street's board (keyed by street code): every case of the street in order of arrival, in pages, and which pages
/// still hold open cases. Cases publish themselves here; the board never calls a case.
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchBoardGrain")]
public interface IDispatchBoardGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the case's entry; answers the entry's position, which the case keeps.</summary>
    [Alias("Publish")]
    Task<int> PublishAsync(CaseIndexEntry entry, int? position);

    /// <summary>
    /// Up to <see cref="BoardQuery.Limit"/> of the street's open cases and latest closed ones matching the query, by
    /// deadline then id, after the query's cursor. Reads the pages with the earliest open deadlines first and stops
    /// as soon as no unread page can hold an earlier case.
    /// </summary>
    [Alias("Page"), ReadOnly]
    Task<IReadOnlyList<CaseIndexEntry>> GetPageAsync(BoardQuery query);

    /// <summary>Every open case of the street, for the start-up recount of provisional deadlines.</summary>
    [Alias("Open"), ReadOnly]
    Task<IReadOnlyList<CaseIndexEntry>> GetOpenAsync();
}

/// <summary>
/// One month (keyed <c>yyyy-MM</c>): the cases assigned, closed or rated in it (in pages), its ranking (评), and once
/// closed its sanctions (用).
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchMonthGrain")]
public interface IDispatchMonthGrain : IGrainWithStringKey
{
    /// <summary>A case had a step in this month that the ranking counts. Repeats are harmless.</summary>
    [Alias("Touch")]
    Task TouchAsync(string caseId);

    [Alias("Ranking"), ReadOnly]
    Task<Outcome<MonthlyRanking>> GetRankingAsync();

    [Alias("Close")]
    Task<Outcome<IReadOnlyList<Sanction>>> CloseAsync(Actor by);

    [Alias("Sanctions"), ReadOnly]
    Task<IReadOnlyList<Sanction>> GetSanctionsAsync();
}

/// <summary>从一件事到一类事 (keyed <c>classes</c>): classes of case that keep coming back, in pages, and their standing fixes.</summary>
[Alias("ModularGov.Dispatch.IDispatchClassesGrain")]
public interface IDispatchClassesGrain : IGrainWithStringKey
{
    public const string Key = "classes";

    /// <summary>A case now has a cause: counts it in its class, prompting a standing fix when the class repeats.</summary>
    [Alias("Report")]
    Task ReportAsync(CaseIndexEntry entry);

    [Alias("List"), ReadOnly]
    Task<ClassPage> ListAsync(int after, int limit);

    [Alias("StandingFix")]
    Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by);
}
