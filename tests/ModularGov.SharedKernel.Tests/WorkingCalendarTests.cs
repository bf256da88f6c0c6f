using ModularGov.SharedKernel.Calendar;

namespace ModularGov.SharedKernel.Tests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Shipped;

    private static DateTimeOffset Cst(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_kernel_ships_2025_and_2026()
    {
        Calendar.Years.Order().ShouldBe([2025, 2026]);
    }

    [Theory]
    [InlineData(2026, 5, 1, false)]   // 劳动节
    [InlineData(2026, 5, 5, false)]   // 劳动节, a Tuesday
    [InlineData(2026, 5, 9, true)]    // Saturday, make-up working day
    [InlineData(2026, 5, 10, false)]  // Sunday
    [InlineData(2026, 2, 14, true)]   // Saturday before 春节, make-up working day
    [InlineData(2026, 2, 23, false)]  // last day of 春节, a Monday
    [InlineData(2026, 10, 8, true)]   // Thursday after 国庆
    [InlineData(2025, 10, 8, false)]  // 2025 国庆 ran to 8 October
    [InlineData(2025, 9, 28, true)]   // Sunday, make-up working day
    [InlineData(2025, 1, 1, false)]
    [InlineData(2025, 3, 3, true)]    // an ordinary Monday
    public void Knows_weekends_holidays_and_make_up_working_days(int year, int month, int day, bool working)
    {
        Calendar.IsWorkingDay(new DateOnly(year, month, day)).ShouldBe(working);
    }

    [Fact]
    public void Seven_working_days_from_after_may_day_count_the_make_up_saturday()
    {
        // Wed 6 May 2026 → Thu 7, Fri 8, Sat 9 (make-up), Mon 11, Tue 12, Wed 13, Thu 14.
        Calendar.AddWorkingDays(Cst(2026, 5, 6), 7).ShouldBe(Cst(2026, 5, 14));
    }

    [Fact]
    public void Working_days_skip_a_whole_holiday()
    {
        // Fri 13 Feb 2026 → Sat 14 (make-up) 1, then 春节 15–23, Tue 24 2, Wed 25 3.
        Calendar.AddWorkingDays(Cst(2026, 2, 13, 16), 3).ShouldBe(Cst(2026, 2, 25, 16));
        Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 25)).ShouldBe(3);
    }

    [Fact]
    public void A_moment_given_in_utc_is_counted_on_its_china_date()
    {
        // 2026-05-05 17:00 UTC is already 6 May 01:00 in China.
        Calendar.AddWorkingDays(new DateTimeOffset(2026, 5, 5, 17, 0, 0, TimeSpan.Zero), 1).ShouldBe(Cst(2026, 5, 7, 1));
    }

    [Fact]
    public void A_year_without_data_counts_weekends_only_and_marks_what_crosses_it_provisional()
    {
        // Mon 4 Jan 2027 is a working day by weekday alone; Sat 9 Jan is not (2027's make-up days are unknown).
        Calendar.IsWorkingDay(new DateOnly(2027, 1, 4)).ShouldBeTrue();
        Calendar.IsWorkingDay(new DateOnly(2027, 1, 9)).ShouldBeFalse();
        // Wed 30 Dec 2026 + 5 working days: Thu 31 Dec, then Fri 1, Mon 4, Tue 5, Wed 6 Jan 2027 (New Year unknown).
        Calendar.AddWorkingDays(Cst(2026, 12, 30), 5).ShouldBe(Cst(2027, 1, 6));
        Calendar.IsProvisional(Cst(2026, 12, 30), Cst(2027, 1, 6)).ShouldBeTrue();
        Calendar.IsProvisional(Cst(2026, 12, 1), Cst(2026, 12, 10)).ShouldBeFalse();
    }
}
