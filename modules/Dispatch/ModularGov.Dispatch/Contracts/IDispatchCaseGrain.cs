using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using Orleans.Concurrency;

namespace ModularGov.Dispatch.Contracts;

/// <summary>
/// One dispatch case (keyed <c>dc2026-00001</c>): its steps, deliberation levels, appeals, deadlines (durable
/// reminders) and audited history. Every step refuses out of order, changing nothing.
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchCaseGrain")]
public interface IDispatchCaseGrain : IGrainWithStringKey
{
    [Alias("Get"), ReadOnly]
    Task<CaseView?> GetAsync();

    /// <summary>Called by intake only: opens the case it numbered. Opening twice is a no-op.</summary>
    [Alias("Open")]
    Task OpenAsync(CaseOpening opening);

    /// <summary>
    /// Called by intake only: records a duplicate report on this case. False when the case can take no more (it is
    /// closed, or holds <c>MaxLinkedReports</c>), so intake opens a new case instead. Linking the same report again is true.
    /// </summary>
    [Alias("Link")]
    Task<bool> LinkReportAsync(LinkedReport report);

    [Alias("Verify")]
    Task<Outcome<CaseView>> VerifyAsync(string findings, string cause, Actor by);

    /// <summary>The deliberation group decides the lead unit (主办) and assisting units (协办) at the case's current level.</summary>
    [Alias("Deliberate")]
    Task<Outcome<CaseView>> DeliberateAsync(string lead, IReadOnlyList<string> assisting, Urgency? urgency, Actor by);

    /// <summary>The current level cannot decide: the case goes up one level (at most to the conveners).</summary>
    [Alias("Refer")]
    Task<Outcome<CaseView>> ReferUpAsync(string reason, Actor by);

    /// <summary>An assigned unit appeals its assignment, once, with reasons; the next level decides.</summary>
    [Alias("Appeal")]
    Task<Outcome<CaseView>> AppealAsync(string unit, string reasons, Actor by);

    [Alias("DecideAppeal")]
    Task<Outcome<CaseView>> DecideAppealAsync(string unit, bool upheld, string? newLead, string decision, Actor by);

    [Alias("Progress")]
    Task<Outcome<CaseView>> ReportProgressAsync(string unit, string note, Actor by);

    /// <summary>The coordination group calls units together (综合协调).</summary>
    [Alias("Coordinate")]
    Task<Outcome<CaseView>> CoordinateAsync(IReadOnlyList<string> units, string note, Actor by);

    /// <summary>The originating community confirms the problem is solved: only this closes a case.</summary>
    [Alias("Confirm")]
    Task<Outcome<CaseView>> ConfirmClosureAsync(string note, Actor by);

    [Alias("Evaluate")]
    Task<Outcome<CaseView>> EvaluateAsync(int satisfaction, string? note, Actor by);

    /// <summary>Flags the case overdue and moves an undecided deliberation up once its deadline passes; the reminder calls it.</summary>
    [Alias("CheckDeadlines")]
    Task<CaseView?> CheckDeadlinesAsync();

    /// <summary>Counts a provisional deadline again with the calendar as it is now, moving its reminder; a no-op otherwise.</summary>
    [Alias("RecountDeadline")]
    Task<CaseView?> RecountDeadlineAsync();
}

/// <summary>What the centre hands a case grain when it opens it.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseOpening(
    [property: Id(0)] string Id,
    [property: Id(1)] NewCase Case,
    [property: Id(2)] Urgency Urgency,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] bool DeadlineProvisional);

