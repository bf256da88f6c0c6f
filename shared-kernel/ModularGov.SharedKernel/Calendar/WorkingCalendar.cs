using System.Reflection;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Calendar;

/// <summary>
/// The working-day calendar: Monday–Friday, minus statutory holidays, plus make-up working days, for the years
/// it has data for (2025 and 2026 ship with the kernel). A year without data counts weekends only, and a deadline
/// counted through such a year is provisional (<see cref="IsProvisional"/>) until the year's data is added. Deadlines
/// are counted in China Standard Time.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpDays = [];

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year);
        foreach (var year in _years.Values)
        {
            foreach (var holiday in year.Holidays)
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                    _holidays.Add(day);
            _makeUpDays.UnionWith(year.MakeUpWorkingDays);
        }
    }

    /// <summary>The calendar the kernel ships (2025, 2026).</summary>
    public static WorkingCalendar Shipped { get; } = new(ShippedYears());

    /// <summary>The shipped years with those in <paramref name="folder"/> (see <see cref="CalendarFiles"/>); a year there replaces the shipped one.</summary>
    public static WorkingCalendar WithYearsFrom(string folder)
    {
        var added = CalendarFiles.ReadFolder(folder);
        return new(ShippedYears().Where(shipped => added.All(a => a.Year != shipped.Year)).Concat(added));
    }

    public IReadOnlyCollection<int> Years => _years.Keys;

    /// <summary>The last day deadlines can be counted to: 31 December of the last year with data.</summary>
    public DateOnly LastDay => new(_years.Keys.Max(), 12, 31);

    /// <summary>Whether the calendar has the holidays and make-up days of <paramref name="year"/>.</summary>
    public bool HasYear(int year) => _years.ContainsKey(year);

    /// <summary>
    /// Whether a span counted from <paramref name="start"/> to <paramref name="end"/> crosses a year the calendar has no
    /// data for, so that its working days are weekends-only guesses that the year's data may move.
    /// </summary>
    public bool IsProvisional(DateTimeOffset start, DateTimeOffset end)
    {
        var (first, last) = (start.ToOffset(ChinaTime.Offset).Year, end.ToOffset(ChinaTime.Offset).Year);
        return Enumerable.Range(first, Math.Max(0, last - first) + 1).Any(year => !HasYear(year));
    }

    /// <summary>Monday to Friday except holidays, and make-up days; in a year without data, Monday to Friday.</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpDays.Contains(day))
            return true;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>
    /// The moment <paramref name="days"/> working days after <paramref name="start"/>: the same time of day on
    /// the n-th working day after the start's date (in China time).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = start.ToOffset(ChinaTime.Offset);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), ChinaTime.Offset);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day))
                count++;
        return count;
    }

    private static IEnumerable<CalendarYear> ShippedYears()
    {
        var kernel = typeof(WorkingCalendar).Assembly;
        return kernel.GetManifestResourceNames()
            .Where(n => n.Contains(".Calendar.data.", StringComparison.Ordinal))
            .Select(n => Read(kernel, n));
    }

    private static CalendarYear Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return System.Text.Json.JsonSerializer.Deserialize<CalendarYear>(stream, EmbeddedStreetData.Options)!;
    }
}
