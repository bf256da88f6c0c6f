using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Http;
using ModularGov.Grids.Views;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Grids.Pages;

/// <summary>
/// The Grids module's console pages: the district's street list, a street's page with its grids live, a grid's page (a grid
/// worker's phone) with the form to file a problem, and a problem's page with its history and steps. Each page takes its data
/// from the API's own handlers, under the API's own access rules.
/// </summary>
internal static class GridPages
{
    private static readonly AccessRule<DistrictPlace> District = new("区级 (the district's roles)", (caller, _) => caller.Scope.Kind == ScopeKind.District);

    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("街道", "各街道", caller => caller.Scope.Kind == ScopeKind.District ? "/streets" : null, 20),
        new("街道", "街道概况", caller => caller.Role is Role.StreetOperator or Role.CommunityWorker or Role.StationOperator ? $"/streets/{caller.Scope.StreetCode}" : null, 20),
        new("街道", "网格列表", caller => caller.Role is Role.StreetOperator or Role.CommunityWorker ? $"/streets/{caller.Scope.StreetCode}/grids" : null, 21),
        new("网格", "我的网格", caller => caller.Role == Role.GridWorker ? $"/grids/{caller.Scope.Id}" : null, 10),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        console.MapPlaceGroup<DistrictPlace>("/streets").MapGet("", StreetListAsync).Allow(District);

        var street = console.MapPlaceGroup<StreetPlace>("/streets/{code}");
        street.MapGet("", StreetAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/grids", GridTableAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/problem-figures", ProblemFiguresAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/map", MapAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/live", (StreetPlace place, HttpContext http, ILiveStreams live) => live.Listen(http, LiveTopics.Street(place.Code))).Allow(StreetAccessRules.InStreet);

        var grid = console.MapPlaceGroup<GridPlace>("/grids/{gridId}");
        grid.MapGet("", GridAsync).Allow(GridAccess.ReportInGrid);
        grid.MapGet("/problems", ProblemListAsync).Allow(GridAccess.ReportInGrid);
        grid.MapPost("/problems", FileAsync).Allow(GridAccess.ReportInGrid);
        grid.MapGet("/live", (GridPlace place, HttpContext http, ILiveStreams live) => live.Listen(http, LiveTopics.Grid(place.Id))).Allow(GridAccess.ReportInGrid);

        var problem = console.MapPlaceGroup<ProblemPlace>("/problems/{problemId}");
        problem.MapGet("", (ProblemPlace place, HttpContext http) => ProblemPage(place, http, FormState.Blank())).Allow(GridAccess.ReadProblem);
        problem.MapPost("/accept", (ProblemPlace place, HttpContext http, IGrainFactory grains) =>
            StepAsync(place, http, () => ProblemEndpoints.AcceptAsync(place, http, grains))).Allow(GridAccess.HandleProblem);
        problem.MapPost("/start", (ProblemPlace place, HttpContext http, IGrainFactory grains) =>
            StepAsync(place, http, () => ProblemEndpoints.StartAsync(place, http, grains))).Allow(GridAccess.HandleProblem);
        problem.MapPost("/resolve", (ProblemPlace place, HttpContext http, IGrainFactory grains) =>
            NotedStepAsync(place, http, "resolution", "办结说明", note => ProblemEndpoints.ResolveAsync(place, new(note, null), http, grains))).Allow(GridAccess.HandleProblem);
        problem.MapPost("/escalate", (ProblemPlace place, HttpContext http, IGrainFactory grains) =>
            NotedStepAsync(place, http, "reason", "上交理由", note => ProblemEndpoints.EscalateAsync(place, new(null, note), http, grains))).Allow(GridAccess.HandleProblem);
    }

    private static async Task<IResult> StreetListAsync(IStreetDirectory streets, GridDirectory grids, IGrainFactory grains)
    {
        var summaries = new List<StreetSummary>();
        foreach (var street in streets.All)
            summaries.Add((await StreetGridEndpoints.GetSummaryAsync(new StreetPlace(street), grids, grains)).Value!);
        return ConsolePages.Page<StreetListPage>(new { Streets = summaries });
    }

    /// <summary>The summary, the grid table and the stations from one read of the street's live counters.</summary>
    private static async Task<IResult> StreetAsync(StreetPlace place, HttpContext http, GridDirectory grids, IGrainFactory grains, GridMap map)
    {
        var totals = await StreetGridEndpoints.TotalsAsync(place, grains);
        return ConsolePages.Page<StreetPage>(new
        {
            Map = await StreetMaps.DrawAsync(place, map, grains),
            Summary = await StreetGridEndpoints.SummaryAsync(place, grids, grains, totals),
            Grids = GridTableOf(place, http, StreetGridEndpoints.GridItems(place, grids, totals)),
            Stations = (IReadOnlyList<StationView>)StreetGridEndpoints.Stations(place, totals),
        });
    }

    /// <summary>The grid table: a page, the street page's live region (<c>fragment=1</c>), or its spreadsheet (<c>format=xlsx</c>).</summary>
    private static async Task<IResult> GridTableAsync(StreetPlace place, HttpContext http, GridDirectory grids, IGrainFactory grains)
    {
        var table = GridTableOf(place, http, (await StreetGridEndpoints.ListGridsAsync(place, grids, grains)).Value!);
        if (ConsoleTable<GridListItem>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-grids");
        return http.Request.Query["fragment"] == "1"
            ? ConsolePages.Page<GridTable>(new { Table = table })
            : ConsolePages.Page<GridTablePage>(new { Street = place.Code, StreetName = place.Street.Profile.Name, Grids = table });
    }

    private static ConsoleTable<GridListItem> GridTableOf(StreetPlace place, HttpContext http, IEnumerable<GridListItem> rows) =>
        new("网格", $"/streets/{place.Code}/grids", GridColumns.All, rows, TableQuery.From(http.Request, defaultSize: 100));

    private static async Task<IResult> ProblemFiguresAsync(StreetPlace place, IGrainFactory grains) =>
        ConsolePages.Page<ProblemFigures>(new { Problems = ProblemTotals.Of((await StreetGridEndpoints.TotalsAsync(place, grains)).Problems) });

    /// <summary>The street's map alone: the street page's live region.</summary>
    private static async Task<IResult> MapAsync(StreetPlace place, GridMap map, IGrainFactory grains) =>
        ConsolePages.Page<StreetMap>(new { Map = await StreetMaps.DrawAsync(place, map, grains) });

    private static Task<IResult> GridAsync(GridPlace place, HttpContext http, IGrainFactory grains, GridMap map) => GridPageAsync(place, http, grains, map, FormState.Blank());

    private static async Task<IResult> GridPageAsync(GridPlace place, HttpContext http, IGrainFactory grains, GridMap map, FormState form, int status = StatusCodes.Status200OK)
    {
        var grid = await grains.GetGrain<IGridGrain>(place.Id).GetSnapshotAsync();
        var outline = map.Outline(place.Id);
        return ConsolePages.Page<GridPage>(new
        {
            Grid = grid,
            Map = outline is null ? null : MapDrawing.Draw([(place.Id, grid.Name, outline, grid.Problems.Open)], []),
            Form = form,
            Problems = await RecentProblemsAsync(place, http, grains, grid.Problems.Total),
            CanFile = GridAccess.SourceFor(http.Caller(), place.Grid, null).Error is null,
        }, status);
    }

    private static async Task<IResult> ProblemListAsync(GridPlace place, HttpContext http, IGrainFactory grains) =>
        ConsolePages.Page<ProblemList>(new
        {
            Problems = await RecentProblemsAsync(place, http, grains, (await grains.GetGrain<IGridGrain>(place.Id).GetSnapshotAsync()).Problems.Total),
        });

    /// <summary>The grid's newest problems first (a station's own only), through the API's list; <paramref name="total"/> is how many it has.</summary>
    private static async Task<IReadOnlyList<ProblemView>> RecentProblemsAsync(GridPlace place, HttpContext http, IGrainFactory grains, int total)
    {
        var answer = await ProblemEndpoints.ListAsync(place, null, Math.Max(0, total - RecentCount).ToString(), RecentCount.ToString(), http, grains);
        return answer.Result is Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<ProblemView>> ok ? ok.Value!.Reverse().ToList() : [];
    }

    private const int RecentCount = 20;

    /// <summary>上报: the form's fields go to the API's handler with the form's idempotency key; a refusal comes back on the form.</summary>
    private static async Task<IResult> FileAsync(GridPlace place, HttpContext http, IGrainFactory grains, GridMap map)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("category", "类别").Require("description", "问题描述").Require("location", "位置");
        if (!form.IsValid)
            return await GridPageAsync(place, http, grains, map, form, StatusCodes.Status400BadRequest);
        var request = new ProblemEndpoints.FileRequest(form.Value("category"), form.Value("description"), form.Value("location"),
            form.Optional("compound"), form.Optional("photoUrl"), null, Degrees(form.Optional("latitude")), Degrees(form.Optional("longitude")));
        var answer = await ProblemEndpoints.FileAsync(place, request, form.IdempotencyKey, http, grains, map);
        if (form.Refused(answer))
            return await GridPageAsync(place, http, grains, map, form, form.Status(answer));
        var filed = answer.Result switch
        {
            Microsoft.AspNetCore.Http.HttpResults.Created<ProblemView> created => created.Value!,
            Microsoft.AspNetCore.Http.HttpResults.Ok<ProblemView> replayed => replayed.Value!,
            _ => throw new InvalidOperationException("filing answered neither a problem nor a refusal"),
        };
        return TypedResults.Redirect($"/problems/{filed.Id}");
    }

    /// <summary>A coordinate the form sent; one that is not a number goes on as NaN, which the handler refuses by name.</summary>
    private static double? Degrees(string? value) =>
        value is null ? null : double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    private static IResult ProblemPage(ProblemPlace place, HttpContext http, FormState form, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<ProblemPage>(new { Problem = place.Problem, Form = form, CanHandle = GridAccess.MaxLevel(http.Caller(), place.Grid) is not null }, status);

    private static async Task<IResult> StepAsync(ProblemPlace place, HttpContext http, Func<Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<ProblemView>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>>> step)
    {
        var form = await FormState.ReadAsync(http.Request);
        var answer = await step();
        return form.Refused(answer) ? ProblemPage(place, http, form, form.Status(answer)) : TypedResults.Redirect($"/problems/{place.Id}");
    }

    private static async Task<IResult> NotedStepAsync(ProblemPlace place, HttpContext http, string field, string label,
        Func<string, Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<ProblemView>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>>> step)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require(field, label);
        if (!form.IsValid)
            return ProblemPage(place, http, form, StatusCodes.Status400BadRequest);
        var answer = await step(form.Value(field));
        return form.Refused(answer) ? ProblemPage(place, http, form, form.Status(answer)) : TypedResults.Redirect($"/problems/{place.Id}");
    }
}
