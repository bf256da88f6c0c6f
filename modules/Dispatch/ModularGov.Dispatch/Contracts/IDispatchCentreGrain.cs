using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using Orleans.Concurrency;

namespace ModularGov.Dispatch.Contracts;

/// <summary>
/// 阳泉市基层治理市区联合调度中心 — the district's one centre (keyed <c>centre</c>): intake with duplicate
/// detection, the case board, classes of case, monthly rankings and sanctions.
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchCentreGrain")]
public interface IDispatchCentreGrain : IGrainWithStringKey
{
    public const string Key = "centre";

    /// <summary>Registers a case, or links it to the open case it duplicates. The same source key always gives the same answer.</summary>
    [Alias("Receive")]
    Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey);

    /// <summary>Called by a case grain after every change, so the board and rankings stay current.</summary>
    [Alias("Update")]
    Task UpdateAsync(CaseIndexEntry entry);

    [Alias("Board"), ReadOnly]
    Task<IReadOnlyList<CaseIndexEntry>> GetBoardAsync();

    [Alias("Ranking"), ReadOnly]
    Task<Outcome<MonthlyRanking>> GetRankingAsync(string month);

    /// <summary>Closes a month: ranks it and sanctions the bottom unit(s). Closing the same month again changes nothing.</summary>
    [Alias("CloseMonth")]
    Task<Outcome<IReadOnlyList<Sanction>>> CloseMonthAsync(string month, Actor by);

    [Alias("Sanctions"), ReadOnly]
    Task<IReadOnlyList<Sanction>> GetSanctionsAsync(int? year);

    [Alias("Classes"), ReadOnly]
    Task<IReadOnlyList<ClassPrompt>> GetClassPromptsAsync();

    [Alias("StandingFix")]
    Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by);
}
