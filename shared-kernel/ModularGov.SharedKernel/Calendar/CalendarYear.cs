namespace ModularGov.SharedKernel.Calendar;

/// <summary>
/// One year's statutory holidays (days off) and make-up working days (调休上班, working days even on a
/// weekend), as the State Council's notice for that year sets them.
/// </summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);

public sealed record Holiday(string Name, DateOnly From, DateOnly To);
