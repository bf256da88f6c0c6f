using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.Dispatch.Centre;
using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Http;
using ModularGov.Dispatch.Views;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>
/// 区级: every street at a glance (its grids and open problems from the Grids module's street grains, its cases from the board),
/// the month's ranking (评) and the year's sanctions (用), on a page and on the wall screen.
/// </summary>
internal static class OverviewPages
{
    public static async Task<IResult> OverviewAsync(string? month, HttpContext http, IGrainFactory grains, IStreetDirectory streets, TimeProvider clock)
    {
        var shown = month ?? Months.Of(clock.Now());
        var answer = await CentreEndpoints.GetRankingAsync(shown, grains);
        if (answer.Result is not Ok<MonthlyRanking> { Value: { } ranking })
            return answer.Result;
        Months.TryParse(shown, out var start, out _);
        var (rows, truncated) = await StreetsOfAsync(http, grains, streets, clock);
        return ConsolePages.Page<OverviewPage>(new
        {
            Streets = rows,
            Truncated = truncated,
            Ranking = ranking,
            Sanctions = await CentreEndpoints.GetSanctionsAsync(start.Year, grains),
            Previous = Months.Of(start.AddMonths(-1)),
            Next = Months.Of(start.AddMonths(1)),
        });
    }

    public static async Task<IResult> ScreenAsync(HttpContext http, IGrainFactory grains, IStreetDirectory streets, TimeProvider clock)
    {
        var ranking = (Ok<MonthlyRanking>)(await CentreEndpoints.GetRankingAsync(Months.Of(clock.Now()), grains)).Result;
        var (rows, truncated) = await StreetsOfAsync(http, grains, streets, clock);
        return ConsolePages.Page<ScreenPage>(new { Today = ChineseFormat.Date(clock.Today()), Streets = rows, Truncated = truncated, Ranking = ranking.Value });
    }

    /// <summary>The streets' table alone: the overview's and the wall screen's live region.</summary>
    public static async Task<IResult> StreetsAsync(HttpContext http, IGrainFactory grains, IStreetDirectory streets, TimeProvider clock)
    {
        var (rows, truncated) = await StreetsOfAsync(http, grains, streets, clock);
        return ConsolePages.Page<StreetDispatchTable>(new { Streets = rows, Truncated = truncated });
    }

    private static async Task<(IReadOnlyList<StreetDispatchRow> Rows, bool Truncated)> StreetsOfAsync(
        HttpContext http, IGrainFactory grains, IStreetDirectory streets, TimeProvider clock)
    {
        var board = await BoardReader.ReadAsync(http.Caller(), grains);
        var soon = clock.Now().AddHours(StreetDispatchRow.DueSoonHours);
        var totals = await Task.WhenAll(streets.All.Select(s => grains.GetGrain<IStreetGridsGrain>(s.Code).GetTotalsAsync()));
        var rows = streets.All.Select((street, i) =>
        {
            var open = board.Cases.Where(c => c.Street == street.Code && c.Step < CaseStep.Closed).ToList();
            return new StreetDispatchRow
            {
                Street = street.Code,
                Name = street.Profile.Name,
                Grids = totals[i].ByGrid.Count,
                OpenProblems = totals[i].Problems.Open,
                Received = open.Count(c => c.Step == CaseStep.Received),
                Verified = open.Count(c => c.Step == CaseStep.Verified),
                Assigned = open.Count(c => c.Step == CaseStep.Assigned),
                Handling = open.Count(c => c.Step == CaseStep.Handling),
                Overdue = open.Count(c => c.Overdue),
                DueSoon = open.Count(c => !c.Overdue && c.Deadline <= soon),
            };
        }).ToList();
        return (rows, board.Truncated);
    }
}
