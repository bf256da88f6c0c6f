using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Calendar;

namespace ModularGov.Dispatch.Cases;

/// <summary>When a case must close, by its urgency: fixed hours for emergencies and utilities, working days otherwise.</summary>
internal static class Deadlines
{
    /// <summary>The deadline, provisional when it was counted through a year the calendar has no data for.</summary>
    public static Deadline For(Urgency urgency, DateTimeOffset receivedAt, DispatchOptions options, WorkingCalendar calendar)
    {
        if (urgency is Urgency.Emergency or Urgency.Utilities)
            return new(receivedAt + (urgency == Urgency.Emergency ? options.EmergencyLimit : options.UtilitiesLimit), false);
        var at = calendar.AddWorkingDays(receivedAt, urgency == Urgency.Complex ? options.ComplexWorkingDays : options.OrdinaryWorkingDays);
        return new(at, calendar.IsProvisional(receivedAt, at));
    }

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

/// <summary>A case's deadline, and whether a year without calendar data went into counting it.</summary>
internal readonly record struct Deadline(DateTimeOffset At, bool Provisional);
