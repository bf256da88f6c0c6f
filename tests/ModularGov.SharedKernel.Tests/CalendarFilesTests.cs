using ModularGov.SharedKernel.Calendar;

namespace ModularGov.SharedKernel.Tests;

/// <summary>Next year's holidays as a file district IT drops in: checked strictly, and replacing a shipped year.</summary>
public sealed class CalendarFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modulargov-calendar-").FullName;

    // Test data in the kernel's format, not a real notice: 2027's real dates come from the State Council.
    private const string Year2027 = """
        {
          "year": 2027,
          "source": "测试数据 (test data, not the State Council's notice)",
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
          "makeUpWorkingDays": [ "2027-01-09" ]
        }
        """;

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_year_in_the_folder_extends_the_shipped_calendar()
    {
        Write("2027.json", Year2027);
        var calendar = WorkingCalendar.WithYearsFrom(_folder);
        calendar.Years.Order().ShouldBe([2025, 2026, 2027]);
        calendar.LastDay.ShouldBe(new DateOnly(2027, 12, 31));
        calendar.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2027, 1, 9)).ShouldBeTrue("a Saturday made a working day");
        // Mon 28 Dec 2026 + 5 working days crosses into 2027: 29, 30, 31 Dec, Mon 4 Jan, Tue 5 Jan.
        var start = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(8));
        calendar.AddWorkingDays(start, 5).ShouldBe(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)));
        calendar.IsProvisional(start, calendar.AddWorkingDays(start, 5)).ShouldBeFalse();
        // Without the file, 1 Jan 2027 counts as a working day and the deadline is a day earlier, and provisional.
        WorkingCalendar.Shipped.AddWorkingDays(start, 5).ShouldBe(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        WorkingCalendar.Shipped.IsProvisional(start, WorkingCalendar.Shipped.AddWorkingDays(start, 5)).ShouldBeTrue();
    }

    [Fact]
    public void A_year_in_the_folder_replaces_the_shipped_one_and_a_missing_folder_adds_nothing()
    {
        Write("2026.json", """{ "year": 2026, "source": "测试更正 (test correction)", "holidays": [], "makeUpWorkingDays": [] }""");
        WorkingCalendar.WithYearsFrom(_folder).IsWorkingDay(new DateOnly(2026, 10, 1)).ShouldBeTrue("the correction has no holidays");
        WorkingCalendar.WithYearsFrom(Path.Combine(_folder, "absent")).Years.Order().ShouldBe([2025, 2026]);
    }

    [Theory]
    [InlineData("2027.json", "{ \"year\": 2027, ", "not a calendar year in JSON")]
    [InlineData("2028.json", Year2027, "must be named 2027.json")]
    [InlineData("2027.json", """{ "year": 2027, "source": "", "holidays": [], "makeUpWorkingDays": [] }""", "source")]
    [InlineData("2027.json", """{ "year": 2027, "source": "x", "holidays": [ { "name": "春节", "from": "2027-02-10", "to": "2027-02-05" } ], "makeUpWorkingDays": [] }""", "ends (2027-02-05) before it starts")]
    [InlineData("2027.json", """{ "year": 2027, "source": "x", "holidays": [ { "name": "国庆节", "from": "2028-10-01", "to": "2028-10-07" } ], "makeUpWorkingDays": [] }""", "outside 2027")]
    [InlineData("2027.json", """{ "year": 2027, "source": "x", "holidays": [], "makeUpWorkingDays": [ "2027-01-06" ] }""", "is a Wednesday")]
    [InlineData("2027.json", """{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "makeUpWorkingDays": [ "2027-01-02" ] }""", "inside a holiday")]
    [InlineData("2027.json", """{ "year": 2027, "source": "x", "holidays": [], "makeUpWorkingDays": [], "extra": 1 }""", "not a calendar year in JSON")]
    public void A_broken_file_is_refused_naming_the_file_and_the_reason(string name, string json, string reason)
    {
        var path = Write(name, json);
        var refused = Should.Throw<CalendarDataException>(() => WorkingCalendar.WithYearsFrom(_folder));
        refused.Message.ShouldContain(path);
        refused.Message.ShouldContain(reason);
    }

    [Fact]
    public void The_shipped_years_pass_the_same_checks()
    {
        foreach (var year in new[] { 2025, 2026 })
        {
            var json = typeof(WorkingCalendar).Assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Calendar.data.{year}.json", StringComparison.Ordinal));
            using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(json)!;
            var file = Write($"{year}.json", new StreamReader(stream).ReadToEnd());
            CalendarFiles.Check(CalendarFiles.Read(file)).ShouldBeEmpty();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
