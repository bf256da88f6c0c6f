using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Http;

/// <summary>A street's grids, its live summary, its stations, and a grid's live snapshot and duty.</summary>
internal static class StreetGridEndpoints
{
    public sealed record HouseholdsPerGrid(int Min, int Max, double Average, int RuleMin, int RuleMax);

    public sealed record ProblemTotals(int Filed, int Accepted, int InProgress, int Resolved, int Escalated, int Open, int Total)
    {
        public static ProblemTotals Of(ProblemCounts c) => new(c.Filed, c.Accepted, c.InProgress, c.Resolved, c.Escalated, c.Open, c.Total);
    }

    public sealed record Summary(
        string Street, string Name, int CompoundsBeforeMerge, int Compounds, int Grids, int Households, int Residents,
        HouseholdsPerGrid HouseholdsPerGrid, TierCounts Tiers, ProblemTotals Problems);

    public sealed record GridListItem(string Id, string Name, string Community, string CommunityName, int Households, int Residents,
        string Worker, int MicroGridLeads, ProblemTotals Problems);

    public sealed record StationHistoryView(int Reported, int Resolved, string Source);

    public sealed record StationView(string Id, string Code, string Name, string Kind, string Community, string CommunityName,
        int Reported, int Resolved, StationHistoryView? History, StationCounts Live, bool Sample);

    public sealed record DutyRequest(string? Person);

    /// <summary>The longest name of a grid's worker or micro-grid lead a request may carry.</summary>
    public const int MaxPerson = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Grids");

        group.MapGet("/streets/{code}/summary", async Task<Results<Ok<Summary>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            if (See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var layout = street.Layout;
            var perGrid = grids.Grids(code)!.Values.Select(g => g.Households).ToList();
            var rules = StreetRules.GridRulesOf(street);
            var totals = await grainFactory.GetGrain<IStreetGridsGrain>(code).GetTotalsAsync();
            return TypedResults.Ok(new Summary(code, street.Profile.Name, layout.Compounds.Count, layout.MergePlan.Compounds.Count, perGrid.Count,
                perGrid.Sum(), layout.GridPlan.Grids.Sum(g => g.Parts.Sum(p => p.Residents)),
                new HouseholdsPerGrid(perGrid.Min(), perGrid.Max(), Math.Round(perGrid.Average(), 1), rules.MinHouseholdsPerGrid, rules.MaxHouseholdsPerGrid),
                await grainFactory.GetGrain<IPropertyTiersGrain>(code).GetCountsAsync(), ProblemTotals.Of(totals.Problems)));
        });

        group.MapGet("/streets/{code}/grids", async Task<Results<Ok<List<GridListItem>>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            if (See(http, streets, code) is { } refused)
                return refused;
            var totals = await grainFactory.GetGrain<IStreetGridsGrain>(code).GetTotalsAsync();
            return TypedResults.Ok(grids.Grids(code)!.Values.Select(g => new GridListItem(g.Id, g.Record.Name, g.Record.Community, g.CommunityName,
                g.Households, g.Residents, g.Record.Worker.Name, g.Record.MicroGridLeads.Count,
                ProblemTotals.Of(totals.ByGrid.GetValueOrDefault(g.Id, ProblemCounts.Zero)))).ToList());
        });

        group.MapGet("/grids/{gridId}", async Task<Results<Ok<GridSnapshot>, ProblemHttpResult>> (string gridId, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
            ProblemEndpoints.Locate(http.Caller(), grids, gridId) is { Refused: { } refused }
                ? refused
                : TypedResults.Ok(await grainFactory.GetGrain<IGridGrain>(gridId).GetSnapshotAsync()));

        group.MapPut("/grids/{gridId}/duty", async Task<Results<Ok<GridSnapshot>, ProblemHttpResult>> (string gridId, DutyRequest request, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            if (FieldLimits.Refusal(("person", request.Person, MaxPerson)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (ProblemEndpoints.Locate(caller, grids, gridId) is { Refused: { } refused })
                return refused;
            if (GridAccess.MaxLevel(caller, grids.Find(gridId)!) is null)
                return ApiProblems.Forbidden($"your scope {caller.Scope} cannot set who is on duty in grid {gridId}");
            return (await grainFactory.GetGrain<IGridGrain>(gridId).SetOnDutyAsync(request.Person ?? "", Actor.Of(caller))).ToHttp();
        });

        group.MapGet("/streets/{code}/stations", async Task<Results<Ok<List<StationView>>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grainFactory) =>
        {
            if (See(http, streets, code) is { } refused)
                return refused;
            var street = streets.Find(code)!;
            var live = (await grainFactory.GetGrain<IStreetGridsGrain>(code).GetTotalsAsync()).ByStation;
            return TypedResults.Ok(street.Layout.Stations.Select(s =>
            {
                var counts = live.GetValueOrDefault(s.Code, new StationCounts(0, 0));
                var history = s.History is { } h ? new StationHistoryView(h.Reported, h.Resolved, h.Source) : null;
                return new StationView($"{code}.{s.Code}", s.Code, s.Name, s.Kind, s.Community,
                    street.Profile.Community(s.Community)!.Name,
                    counts.Reported + (history?.Reported ?? 0), counts.Resolved + (history?.Resolved ?? 0), history, counts, s.Sample);
            }).ToList());
        });

        group.MapGet("/streets/{code}/escalations", async Task<Results<Ok<IReadOnlyList<EscalatedProblem>>, ProblemHttpResult>> (
            string code, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grainFactory) =>
            See(http, streets, code) is { } refused ? refused : await Paging.PageAsync(http, after, limit, async asked =>
            {
                var page = await grainFactory.GetGrain<IDispatchIntakeGrain>(code).ListAsync(asked.After, asked.Limit);
                return new Page<EscalatedProblem>(page.Escalations, page.NextAfter);
            }));
    }

    public static ProblemHttpResult? See(HttpContext http, IStreetDirectory streets, string code) => StreetAccess.Refusal(http.Caller(), streets, code);
}
