using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Grids.Problems;

/// <summary>
/// A street's problems escalated to the joint dispatch centre, kept in order and never removed: the escalations in
/// pages (<see cref="PagedList{T}"/>), each problem's position as a record of its own, and in the grain only the count
/// and the pending ones. An escalation is written to its page, then its position, then the count: a crash in between
/// leaves a page entry past the count or a position that points past it (or at another problem), and both are
/// written over when the grid hands the problem over again.
/// </summary>
internal sealed class DispatchIntakeGrain(
    [PersistentState("dispatch-intake", GrainStorage.Name)] IPersistentState<DispatchIntakeState> state,
    IEnumerable<IEscalationListener> listeners,
    ILogger<DispatchIntakeGrain> log) : Grain, IDispatchIntakeGrain
{
    /// <summary>The longest refusal reason kept; a longer one (the centre's, not a person's) is cut here rather than lost.</summary>
    public const int MaxRefusal = 1000;

    private PagedList<EscalatedProblem> _escalations = null!;
    private RecordStore<EscalationPosition> _positions = null!;

    private DispatchIntakeState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _escalations = new PagedList<EscalatedProblem>(storage, "dispatch-escalations", this.GetPrimaryKeyString());
        _positions = new RecordStore<EscalationPosition>(storage, "dispatch-escalation-position");
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(EscalatedProblem problem)
    {
        if (S.PendingEscalations.ContainsKey(problem.ProblemId))
            return;
        var known = await _positions.ReadAsync(problem.ProblemId);
        if (known is not null && await HoldsAsync(known.Value.Position, problem.ProblemId))
            return;
        var position = S.EscalationCount;
        await _escalations.AppendAsync(position, problem);
        await _positions.WriteAsync(new Stored<EscalationPosition>(problem.ProblemId, new EscalationPosition { Position = position }, known?.ETag));
        S.EscalationCount = position + 1;
        S.PendingEscalations[problem.ProblemId] = position;
        await state.WriteStateAsync();
        await OfferAsync(problem);
    }

    /// <summary>Tells the centre at once; what it answers is recorded, and a failure leaves the problem pending.</summary>
    private async Task OfferAsync(EscalatedProblem problem)
    {
        foreach (var listener in listeners)
        {
            EscalationOutcome outcome;
            try
            {
                outcome = await listener.OnEscalatedAsync(problem);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "升级事项 {Problem} 暂未转为调度案件,保留待取 (escalated problem left pending for the dispatch centre)", problem.ProblemId);
                continue;
            }
            // Recording the answer is not caught: a write that fails leaves this grain to be activated again from storage.
            if (outcome.CaseId is { } caseId)
                await TakeAsync(problem.ProblemId, caseId);
            else if (outcome.Refused is { } reason)
                await RefuseAsync(problem.ProblemId, reason);
            else
                log.LogWarning("升级事项 {Problem} 暂未转为调度案件,保留待取 (escalated problem left pending for the dispatch centre)", problem.ProblemId);
        }
    }

    public async Task<IReadOnlyList<EscalatedProblem>> GetPendingAsync()
    {
        var pending = new List<EscalatedProblem>();
        foreach (var position in S.PendingEscalations.Values.Order())
        {
            var escalation = await _escalations.GetAsync(position);
            if (escalation.TakenAsCase is null)
                pending.Add(escalation);
        }
        return pending;
    }

    public async Task<EscalationPage> ListAsync(int after, int limit)
    {
        var page = await _escalations.ReadPageAsync(after, limit, S.EscalationCount);
        return new EscalationPage(page.Items, page.NextAfter);
    }

    public async Task<Outcome<EscalatedProblem>> TakeAsync(string problemId, string caseId)
    {
        if (TextRules.CheckId("caseId", caseId) is { } invalid)
            return Outcome<EscalatedProblem>.Refuse(Refusal.Invalid, invalid);
        if (await PositionOfAsync(problemId) is not { } position)
            return NotEscalated(problemId);
        var escalation = await _escalations.GetAsync(position);
        if (escalation.TakenAsCase is { } taken)
        {
            if (taken != caseId)
                return Outcome<EscalatedProblem>.Refuse(Refusal.Conflict, $"problem '{problemId}' was already taken as case {taken}");
            if (S.PendingEscalations.Remove(problemId))
                await state.WriteStateAsync();
            return Outcome<EscalatedProblem>.Ok(escalation);
        }
        var takenNow = escalation with { TakenAsCase = caseId, RefusedBecause = null };
        await _escalations.SetAsync(position, takenNow);
        S.PendingEscalations.Remove(problemId);
        await state.WriteStateAsync();
        return Outcome<EscalatedProblem>.Ok(takenNow);
    }

    public async Task<Outcome<EscalatedProblem>> RefuseAsync(string problemId, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome<EscalatedProblem>.Refuse(Refusal.Invalid, "the reason the centre cannot take the problem as a case is required");
        if (await PositionOfAsync(problemId) is not { } position)
            return NotEscalated(problemId);
        var escalation = await _escalations.GetAsync(position);
        if (escalation.TakenAsCase is { } taken)
            return Outcome<EscalatedProblem>.Refuse(Refusal.Conflict, $"problem '{problemId}' was already taken as case {taken}");
        var because = reason.Trim() is { Length: > MaxRefusal } whole ? whole[..(MaxRefusal - 1)] + "…" : reason.Trim();
        log.LogWarning("调度中心未能将升级事项 {Problem} 转为案件,原因:{Reason};保留待取 (the dispatch centre refused the escalated problem as a case; it stays pending)",
            problemId, because);
        if (escalation.RefusedBecause == because)
            return Outcome<EscalatedProblem>.Ok(escalation);
        var refused = escalation with { RefusedBecause = because };
        await _escalations.SetAsync(position, refused);
        return Outcome<EscalatedProblem>.Ok(refused);
    }

    private static Outcome<EscalatedProblem> NotEscalated(string problemId) =>
        Outcome<EscalatedProblem>.Refuse(Refusal.NotFound, $"problem '{problemId}' was not escalated to the dispatch centre");

    /// <summary>The problem's position in the intake, or null if it was never (completely) handed over.</summary>
    private async Task<int?> PositionOfAsync(string problemId)
    {
        if (S.PendingEscalations.TryGetValue(problemId, out var pending))
            return pending;
        return await _positions.ReadAsync(problemId) is { } known && await HoldsAsync(known.Value.Position, problemId) ? known.Value.Position : null;
    }

    /// <summary>Whether a position within the count holds the problem: a position written by a handing over that never finished does not.</summary>
    private async Task<bool> HoldsAsync(int position, string problemId) =>
        position < S.EscalationCount && (await _escalations.GetAsync(position)).ProblemId == problemId;
}
