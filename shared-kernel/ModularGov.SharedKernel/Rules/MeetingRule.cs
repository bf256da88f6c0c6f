namespace ModularGov.SharedKernel.Rules;

/// <summary>
/// How often a community may be called to meetings: at most <paramref name="MaxMeetings"/> in any
/// <paramref name="PerDays"/> days. A street registers its own (Nanshanlu: one every two weeks); otherwise
/// <see cref="Default"/> applies.
/// </summary>
public sealed record MeetingRule(int MaxMeetings, int PerDays)
{
    public static readonly MeetingRule Default = new(1, 7);
}
