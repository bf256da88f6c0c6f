namespace ModularGov.Grids.Contracts;

/// <summary>
/// Told, as soon as a problem reaches the joint dispatch centre, so the centre can take it as a case at once.
/// Registered by the module that runs the centre. The intake records the case the outcome names, or the reason the
/// centre refuses it (kept on the escalation, logged, and the escalation stays pending for a retry); a listener that
/// throws leaves the problem pending too, to be taken later.
/// </summary>
public interface IEscalationListener
{
    Task<EscalationOutcome> OnEscalatedAsync(EscalatedProblem problem);
}
