using Microsoft.Extensions.Logging;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Grids.Problems;

[GenerateSerializer]
internal sealed class DispatchIntakeState
{
    [Id(0)] public List<EscalatedProblem> Problems { get; set; } = [];
}

/// <summary>A street's problems escalated to the joint dispatch centre, kept in order and never removed.</summary>
internal sealed class DispatchIntakeGrain(
    [PersistentState("dispatch-intake", GrainStorage.Name)] IPersistentState<DispatchIntakeState> state,
    IEnumerable<IEscalationListener> listeners,
    ILogger<DispatchIntakeGrain> log) : Grain, IDispatchIntakeGrain
{
    public async Task EnqueueAsync(EscalatedProblem problem)
    {
        if (state.State.Problems.Any(p => p.ProblemId == problem.ProblemId))
            return;
        state.State.Problems.Add(problem);
        await state.WriteStateAsync();
        foreach (var listener in listeners)
        {
            try
            {
                if (await listener.OnEscalatedAsync(problem) is { } caseId)
                    await TakeAsync(problem.ProblemId, caseId);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "升级事项 {Problem} 暂未转为调度案件,保留待取 (escalated problem left pending for the dispatch centre)", problem.ProblemId);
            }
        }
    }

    public Task<IReadOnlyList<EscalatedProblem>> GetPendingAsync() =>
        Task.FromResult<IReadOnlyList<EscalatedProblem>>(state.State.Problems.Where(p => p.TakenAsCase is null).ToList());

    public Task<IReadOnlyList<EscalatedProblem>> GetAllAsync() => Task.FromResult<IReadOnlyList<EscalatedProblem>>(state.State.Problems.ToList());

    public async Task<Outcome<EscalatedProblem>> TakeAsync(string problemId, string caseId)
    {
        var index = state.State.Problems.FindIndex(p => p.ProblemId == problemId);
        if (index < 0)
            return Outcome<EscalatedProblem>.Refuse(Refusal.NotFound, $"problem '{problemId}' was not escalated to the dispatch centre");
        var problem = state.State.Problems[index];
        if (problem.TakenAsCase is { } taken)
        {
            return taken == caseId
                ? Outcome<EscalatedProblem>.Ok(problem)
                : Outcome<EscalatedProblem>.Refuse(Refusal.Conflict, $"problem '{problemId}' was already taken as case {taken}");
        }
        state.State.Problems[index] = problem with { TakenAsCase = caseId };
        await state.WriteStateAsync();
        return Outcome<EscalatedProblem>.Ok(state.State.Problems[index]);
    }
}
