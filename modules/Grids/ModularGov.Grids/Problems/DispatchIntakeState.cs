namespace ModularGov.Grids.Problems;

/// <summary>
/// What a street's intake keeps about itself: how many escalations it holds (each in its pages, see
/// <see cref="DispatchIntakeGrain"/>) and where the pending ones are. It grows only with what the centre has not taken.
/// </summary>
[GenerateSerializer]
internal sealed class DispatchIntakeState
{
    [Id(1)] public int EscalationCount { get; set; }
    /// <summary>The position of every escalation not yet taken as a case, by problem id.</summary>
    [Id(2)] public Dictionary<string, int> PendingEscalations { get; set; } = [];
}

/// <summary>Where an escalated problem is in its street's intake: its own record, keyed by the problem id.</summary>
[GenerateSerializer]
internal sealed class EscalationPosition
{
    [Id(0)] public int Position { get; set; }
}
