using ModularGov.Grids.Contracts;

namespace ModularGov.Grids.Tests;

/// <summary>
/// The dispatch centre as these tests need it: it refuses a problem whose description starts with
/// <see cref="Marker"/>, and takes nothing else now (every other escalation stays pending).
/// </summary>
internal sealed class RefusingCentre : IEscalationListener
{
    public const string Marker = "无法立案";
    public const string Reason = "社区 'x' 不在调度中心的单位名录中 (the community is unknown to the centre)";

    public Task<EscalationOutcome> OnEscalatedAsync(EscalatedProblem problem) =>
        Task.FromResult(new EscalationOutcome(null, problem.Description.StartsWith(Marker, StringComparison.Ordinal) ? Reason : null));
}
