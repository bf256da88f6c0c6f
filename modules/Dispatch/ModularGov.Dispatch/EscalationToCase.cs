using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch;

/// <summary>接: a grid problem escalated past its street becomes a dispatch case at once.</summary>
internal sealed class EscalationToCase(IGrainFactory grains) : IEscalationListener
{
    public static readonly Actor Intake = new("事件接收组 (intake group)", "system", "district", "");

    public async Task<EscalationOutcome> OnEscalatedAsync(EscalatedProblem problem)
    {
        var outcome = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).ReceiveAsync(ToCase(problem), $"escalation:{problem.ProblemId}");
        return new EscalationOutcome(outcome.Value?.CaseId, outcome.Reason);
    }

    public static NewCase ToCase(EscalatedProblem problem) => new()
    {
        Source = CaseSource.Escalation,
        SourceRef = problem.ProblemId,
        Street = problem.Street,
        Community = problem.Community,
        Category = problem.Category,
        Description = problem.Description,
        Place = problem.Location,
        Compound = problem.Compound?.Split('.').Last(),
        ReceivedAt = problem.EscalatedAt,
        By = Intake,
        EscalationReason = problem.Reason,
    };
}
