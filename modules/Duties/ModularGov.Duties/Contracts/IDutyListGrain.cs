using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.State;
using Orleans.Concurrency;

namespace ModularGov.Duties.Contracts;

/// <summary>
/// 权责清单 — one grain per street (keyed by street code): every version of its duty list, admission of pushed-down
/// tasks against the current one, the change workflow that alone makes a new version, and filed agreements. The lists
/// that grow with use (tasks, changes, agreements) are read in pages: the items after a position (0: from the first),
/// oldest first, at most <c>limit</c> (1–1000).
/// </summary>
[Alias("ModularGov.Duties.IDutyListGrain")]
public interface IDutyListGrain : IGrainWithStringKey
{
    [Alias("Current"), ReadOnly]
    Task<DutyListVersion> GetCurrentAsync();

    [Alias("Version"), ReadOnly]
    Task<DutyListVersion?> GetVersionAsync(int version);

    [Alias("Compare"), ReadOnly]
    Task<Outcome<DutyListDiff>> CompareAsync(int from, int to);

    /// <summary>Admits the task if it matches an item of the current list (by item or category); otherwise refuses it with the reason. Either way it is recorded.</summary>
    [Alias("Admit")]
    Task<Outcome<AdmissionRecord>> AdmitAsync(PushedTask task, Actor by);

    [Alias("Tasks"), ReadOnly]
    Task<Page<AdmissionRecord>> ListTasksAsync(int after, int limit);

    /// <summary>How many tasks each department pushed down, admitted and refused, most refused first.</summary>
    [Alias("TasksByDepartment"), ReadOnly]
    Task<IReadOnlyList<DepartmentTasks>> GetTasksByDepartmentAsync();

    [Alias("Apply")]
    Task<Outcome<DutyChange>> ApplyAsync(ChangeAction action, DutyItem item, string reason, string assessor, Actor by);

    [Alias("Assess")]
    Task<Outcome<DutyChange>> AssessAsync(string changeId, bool favourable, string assessment, Actor by);

    [Alias("Approve")]
    Task<Outcome<DutyChange>> ApproveAsync(string changeId, string legalBasis, Actor by);

    /// <summary>The district refuses an assessed change, saying why; the list stays as it is and the item is free for a new application.</summary>
    [Alias("Reject")]
    Task<Outcome<DutyChange>> RejectAsync(string changeId, string reason, Actor by);

    [Alias("Changes"), ReadOnly]
    Task<Page<DutyChange>> ListChangesAsync(int after, int limit);

    [Alias("FileAgreement")]
    Task<Outcome<TerritorialAgreement>> FileAgreementAsync(string department, string item, string primary, string secondary, Actor by);

    [Alias("Agreements"), ReadOnly]
    Task<Page<TerritorialAgreement>> ListAgreementsAsync(int after, int limit);
}
