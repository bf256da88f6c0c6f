using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>The columns of a street's burden report, one row per community, before and after.</summary>
internal static class BurdenColumns
{
    public static IReadOnlyList<TableColumn<BurdenReport>> For(StreetProfile street)
    {
        string Name(BurdenReport r) => street.Community(r.Community[(r.Community.IndexOf('.') + 1)..])?.Name ?? r.Community;
        static TableColumn<BurdenReport> Figure(string key, string header, Func<BurdenReport, double> value) =>
            new(key, header, r => value(r), r => BurdenFigures.Show(value(r)));
        return
        [
            new("community", "社区", Name, Searched: true),
            Figure("meetingsBefore", "会议前(次/周)", r => r.MeetingsPerWeekBefore),
            Figure("meetingsAfter", "会议后(次/周)", r => r.MeetingsPerWeekAfter),
            Figure("formsBefore", "报表前(份/月)", r => r.FormsPerMonthBefore),
            Figure("formsAfter", "报表后(份/月)", r => r.FormsPerMonthAfter),
            Figure("inspectionsBefore", "督查前(次/月)", r => r.InspectionsPerMonthBefore),
            Figure("inspectionsAfter", "督查后(次/月)", r => r.InspectionsPerMonthAfter),
            Figure("accompanyingBefore", "陪同前(次/月)", r => r.AccompanyingPerMonthBefore),
            Figure("accompanyingAfter", "陪同后(次/月)", r => r.AccompanyingPerMonthAfter),
            new("plaquesBefore", "曾挂牌子", r => r.PlaquesBefore),
            new("plaquesNow", "现挂牌子", r => r.PlaquesNow),
        ];
    }

    public static string? NumberClass(string key, BurdenReport row) => key == "community" ? null : "num";
}
