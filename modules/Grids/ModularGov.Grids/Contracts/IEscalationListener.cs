namespace ModularGov.Grids.Contracts;

/// <summary>
/// Told, as soon as a problem reaches the joint dispatch centre, so the centre can take it as a case at once.
/// Registered by the module that runs the centre; the intake records the case id it returns. A listener that
/// fails leaves the problem pending in the intake, to be taken later.
/// </summary>
public interface IEscalationListener
{
    /// <summary>The case the problem became, or null if it was not taken now.</summary>
    Task<string?> OnEscalatedAsync(EscalatedProblem problem);
}
