using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Calendar;

namespace ModularGov.Dispatch.Cases;

/// <summary>When a case must close, by its urgency: fixed hours for emergencies and utilities, working days otherwise.</summary>
internal static class Deadlines
{
    public static DateTimeOffset For(Urgency urgency, DateTimeOffset receivedAt, DispatchOptions options, WorkingCalendar calendar) => urgency switch
    {
        Urgency.Emergency => receivedAt + options.EmergencyLimit,
        Urgency.Utilities => receivedAt + options.UtilitiesLimit,
        Urgency.Complex => calendar.AddWorkingDays(receivedAt, options.ComplexWorkingDays),
        _ => calendar.AddWorkingDays(receivedAt, options.OrdinaryWorkingDays),
    };

    public static DateTimeOffset Deliberation(DeliberationLevel level, DateTimeOffset from, DispatchOptions options, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(from, options.DeliberationWorkingDays[Math.Min((int)level, options.DeliberationWorkingDays.Length) - 1]);

    /// <summary>100 when closed on time, 10 points off for each working day late, never below 0.</summary>
    public static int TimelinessScore(DateTimeOffset deadline, DateTimeOffset closedAt, WorkingCalendar calendar)
    {
        if (closedAt <= deadline)
            return 100;
        var late = Math.Max(1, calendar.WorkingDaysBetween(DateOnly.FromDateTime(deadline.DateTime), DateOnly.FromDateTime(closedAt.ToOffset(deadline.Offset).DateTime)));
        return Math.Max(0, 100 - 10 * late);
    }
}
