using System.Text.Json;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.SharedKernel.Calendar;

/// <summary>
/// Years of the working-day calendar kept as files (<c>&lt;year&gt;.json</c>, the kernel's own format), so that district
/// IT adds next year's holidays when the State Council publishes them, without a new release.
/// </summary>
public static class CalendarFiles
{
    /// <summary>Every <c>*.json</c> in the folder, each checked; none if the folder does not exist.</summary>
    public static IReadOnlyList<CalendarYear> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    public static CalendarYear Read(string file)
    {
        CalendarYear? year;
        try
        {
            using var stream = File.OpenRead(file);
            year = JsonSerializer.Deserialize<CalendarYear>(stream, EmbeddedStreetData.Options);
        }
        catch (JsonException e)
        {
            throw new CalendarDataException(file, $"not a calendar year in JSON ({e.Message})");
        }
        if (year is null)
            throw new CalendarDataException(file, "empty");
        if (Path.GetFileNameWithoutExtension(file) != year.Year.ToString())
            throw new CalendarDataException(file, $"the file for {year.Year} must be named {year.Year}.json");
        if (Check(year) is { Count: > 0 } problems)
            throw new CalendarDataException(file, string.Join("; ", problems));
        return year;
    }

    /// <summary>
    /// What is wrong with a year: a missing source, a holiday that ends before it starts or lies outside the notice's
    /// reach (the year, or December before it: a New Year break may begin there), a make-up working day on a weekday
    /// or inside a holiday.
    /// </summary>
    public static IReadOnlyList<string> Check(CalendarYear year)
    {
        var problems = new List<string>();
        if (year.Year is < 2000 or > 2100)
            problems.Add($"year {year.Year} is out of range");
        if (string.IsNullOrWhiteSpace(year.Source))
            problems.Add("source (the notice the dates come from) is required");
        var reach = (From: new DateOnly(year.Year - 1, 12, 1), To: new DateOnly(year.Year, 12, 31));
        bool InReach(DateOnly day) => day >= reach.From && day <= reach.To;
        foreach (var holiday in year.Holidays ?? [])
        {
            if (string.IsNullOrWhiteSpace(holiday.Name))
                problems.Add($"the holiday from {holiday.From:yyyy-MM-dd} has no name");
            if (holiday.To < holiday.From)
                problems.Add($"{holiday.Name} ends ({holiday.To:yyyy-MM-dd}) before it starts ({holiday.From:yyyy-MM-dd})");
            if (!InReach(holiday.From) || !InReach(holiday.To))
                problems.Add($"{holiday.Name} ({holiday.From:yyyy-MM-dd}–{holiday.To:yyyy-MM-dd}) is outside {year.Year}");
        }
        foreach (var day in year.MakeUpWorkingDays ?? [])
        {
            if (!InReach(day))
                problems.Add($"make-up working day {day:yyyy-MM-dd} is outside {year.Year}");
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                problems.Add($"make-up working day {day:yyyy-MM-dd} is a {day.DayOfWeek}: 调休上班 days fall on weekends");
            if ((year.Holidays ?? []).Any(h => day >= h.From && day <= h.To))
                problems.Add($"make-up working day {day:yyyy-MM-dd} lies inside a holiday");
        }
        return problems;
    }
}

/// <summary>A calendar file that cannot be used, and why; the host refuses to start on one rather than count deadlines wrongly.</summary>
public sealed class CalendarDataException(string file, string reason)
    : Exception($"工作日历文件无效 (calendar file rejected): {file}: {reason}");
