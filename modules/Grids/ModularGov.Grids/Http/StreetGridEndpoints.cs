using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.Grids.Views;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Http;

/// <summary>A street's grids, its live summary, its stations, and a grid's live snapshot and duty.</summary>
internal static class StreetGridEndpoints
{
    public sealed record DutyRequest(string? Person);

    /// <summary>The longest name of a grid's worker or micro-grid lead a request may carry.</summary>
    public const int MaxPerson = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Grids");
        street.MapGet("/summary", GetSummaryAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/grids", ListGridsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/stations", ListStationsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/escalations", ListEscalationsAsync).Allow(StreetAccessRules.Handlers);

        var grid = api.MapPlaceGroup<GridPlace>("/grids/{gridId}").WithTags("Grids");
        grid.MapGet("", GetSnapshotAsync).Allow(GridAccess.SeeGrid);
        grid.MapPut("/duty", SetOnDutyAsync).Allow(GridAccess.HandleGrid);
    }

    internal static async Task<Ok<StreetSummary>> GetSummaryAsync(StreetPlace place, GridDirectory grids, IGrainFactory grainFactory) =>
        TypedResults.Ok(await SummaryAsync(place, grids, grainFactory, await TotalsAsync(place, grainFactory)));

    internal static async Task<Ok<List<GridListItem>>> ListGridsAsync(StreetPlace place, GridDirectory grids, IGrainFactory grainFactory) =>
        TypedResults.Ok(GridItems(place, grids, await TotalsAsync(place, grainFactory)));

    internal static async Task<Ok<List<StationView>>> ListStationsAsync(StreetPlace place, IGrainFactory grainFactory) =>
        TypedResults.Ok(Stations(place, await TotalsAsync(place, grainFactory)));

    /// <summary>The street's live counters: one call, which a page showing the summary, the grids and the stations makes once.</summary>
    internal static Task<StreetProblemTotals> TotalsAsync(StreetPlace place, IGrainFactory grainFactory) =>
        grainFactory.GetGrain<IStreetGridsGrain>(place.Code).GetTotalsAsync();

    internal static async Task<StreetSummary> SummaryAsync(StreetPlace place, GridDirectory grids, IGrainFactory grainFactory, StreetProblemTotals totals)
    {
        var (code, street) = (place.Code, place.Street);
        var layout = street.Layout;
        var perGrid = grids.Grids(code)!.Values.Select(g => g.Households).ToList();
        var rules = StreetRules.GridRulesOf(street);
        return new StreetSummary(code, street.Profile.Name, layout.Compounds.Count, layout.MergePlan.Compounds.Count, perGrid.Count,
            perGrid.Sum(), layout.GridPlan.Grids.Sum(g => g.Parts.Sum(p => p.Residents)),
            new HouseholdsPerGrid(perGrid.Min(), perGrid.Max(), Math.Round(perGrid.Average(), 1), rules.MinHouseholdsPerGrid, rules.MaxHouseholdsPerGrid),
            await grainFactory.GetGrain<IPropertyTiersGrain>(code).GetCountsAsync(), ProblemTotals.Of(totals.Problems),
            MonthlyProblems.Of(totals.MonthlyFilings), totals.UncountedFilingCount);
    }

    internal static List<GridListItem> GridItems(StreetPlace place, GridDirectory grids, StreetProblemTotals totals) =>
        grids.Grids(place.Code)!.Values.Select(g => new GridListItem(g.Id, g.Record.Name, g.Record.Community, g.CommunityName,
            g.Households, g.Residents, g.Record.Worker.Name, g.Record.MicroGridLeads.Count,
            ProblemTotals.Of(totals.ByGrid.GetValueOrDefault(g.Id, ProblemCounts.Zero)))).ToList();

    private static async Task<Ok<GridSnapshot>> GetSnapshotAsync(GridPlace place, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IGridGrain>(place.Id).GetSnapshotAsync());

    private static async Task<Results<Ok<GridSnapshot>, ProblemHttpResult>> SetOnDutyAsync(GridPlace place, DutyRequest request, HttpContext http, IGrainFactory grainFactory)
    {
        if (FieldLimits.Refusal(("person", request.Person, MaxPerson)) is { } tooLong)
            return tooLong;
        return (await grainFactory.GetGrain<IGridGrain>(place.Id).SetOnDutyAsync(request.Person ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    internal static List<StationView> Stations(StreetPlace place, StreetProblemTotals totals)
    {
        var (code, street) = (place.Code, place.Street);
        var live = totals.ByStation;
        return street.Layout.Stations.Select(s =>
        {
            var counts = live.GetValueOrDefault(s.Code, new StationCounts(0, 0));
            var history = s.History is { } h ? new StationHistoryView(h.Reported, h.Resolved, h.Source) : null;
            return new StationView($"{code}.{s.Code}", s.Code, s.Name, s.Kind, s.Community,
                street.Profile.Community(s.Community)!.Name,
                counts.Reported + (history?.Reported ?? 0), counts.Resolved + (history?.Resolved ?? 0), history, counts, s.Sample);
        }).ToList();
    }

    /// <summary>Escalated problems carry residents' words, so only the street office and the district read them.</summary>
    private static async Task<Results<Ok<IReadOnlyList<EscalatedProblem>>, ProblemHttpResult>> ListEscalationsAsync(
        StreetPlace place, string? after, string? limit, HttpContext http, IGrainFactory grainFactory) =>
        await Paging.PageAsync(http, after, limit, async asked =>
        {
            var page = await grainFactory.GetGrain<IDispatchIntakeGrain>(place.Code).ListAsync(asked.After, asked.Limit);
            return new Page<EscalatedProblem>(page.Escalations, page.NextAfter);
        });
}
