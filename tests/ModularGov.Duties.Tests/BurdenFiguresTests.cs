using System.Text.Json;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Pages;

namespace ModularGov.Duties.Tests;

/// <summary>The burden before and after as the console's chart and its table show it.</summary>
public class BurdenFiguresTests
{
    private static BurdenReport Report(string community, double meetingsBefore, double meetingsAfter, int plaquesBefore, int plaquesNow) => new()
    {
        Community = community,
        MeetingsPerWeekBefore = meetingsBefore,
        MeetingsPerWeekAfter = meetingsAfter,
        OnlineShare = 0,
        FormsPerMonthBefore = 20,
        FormsPerMonthAfter = 4,
        FormsReused = 0,
        InspectionsPerMonthBefore = 8,
        InspectionsPerMonthAfter = 1,
        AccompanyingPerMonthBefore = 6,
        AccompanyingPerMonthAfter = 0,
        PlaquesBefore = plaquesBefore,
        PlaquesNow = plaquesNow,
        Weeks = 8,
    };

    [Fact]
    public void A_streets_figures_are_its_communities_averages_before_and_after()
    {
        var figures = BurdenFigures.Of([Report("nanshanlu.a", 4, 0.5, 42, 5), Report("nanshanlu.b", 3, 0, 7, 5)]);
        figures.Select(f => f.Indicator).ShouldBe(["会议(次/周)", "报表(份/月)", "督查检查(次/月)", "陪同(次/月)", "挂牌(块)"]);
        (figures[0].Before, figures[0].After).ShouldBe((3.5, 0.25));
        (figures[4].Before, figures[4].After).ShouldBe((24.5, 5));
        BurdenFigures.Of([]).ShouldAllBe(f => f.Before == 0 && f.After == 0);
    }

    [Fact]
    public void The_chart_option_holds_the_tables_numbers_and_cannot_close_its_script_element()
    {
        var figures = BurdenFigures.Of([Report("nanshanlu.a", 4, 0.5, 42, 5)]);
        var option = BurdenFigures.ChartOption([.. figures, new("</script><script>alert(1)</script>", 1, 0)]);
        option.ShouldNotContain("</script>");
        var series = JsonDocument.Parse(option).RootElement.GetProperty("series");
        series[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).Take(figures.Count).ShouldBe(figures.Select(f => f.Before));
        series[1].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).Take(figures.Count).ShouldBe(figures.Select(f => f.After));
    }
}
