using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Problems;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Http;

/// <summary>上报: filing a problem in a grid, and every step of its life after that.</summary>
internal static class ProblemEndpoints
{
    /// <summary>A filing; <c>latitude</c> and <c>longitude</c> (WGS-84, or GCJ-02 with <c>crs</c>) place it and find its compound.</summary>
    public sealed record FileRequest(
        string? Category, string? Description, string? Location, string? Compound, string? PhotoUrl, string? Source,
        double? Latitude = null, double? Longitude = null, string? Crs = null);

    public sealed record StepNote(string? Resolution, string? Reason);

    public static void Map(IEndpointRouteBuilder api)
    {
        var grid = api.MapPlaceGroup<GridPlace>("/grids/{gridId}/problems").WithTags("Problems");
        grid.MapPost("", FileAsync).Allow(GridAccess.ReportInGrid);
        grid.MapGet("", ListAsync).Allow(GridAccess.ReportInGrid);

        var problem = api.MapPlaceGroup<ProblemPlace>("/problems/{problemId}").WithTags("Problems");
        problem.MapGet("", GetProblem).Allow(GridAccess.ReadProblem);
        problem.MapPost("/accept", AcceptAsync).Allow(GridAccess.HandleProblem);
        problem.MapPost("/start", StartAsync).Allow(GridAccess.HandleProblem);
        problem.MapPost("/resolve", ResolveAsync).Allow(GridAccess.HandleProblem);
        problem.MapPost("/escalate", EscalateAsync).Allow(GridAccess.HandleProblem);
    }

    private static Ok<ProblemView> GetProblem(ProblemPlace place) => TypedResults.Ok(place.Problem);

    internal static Task<Results<Ok<ProblemView>, ProblemHttpResult>> AcceptAsync(ProblemPlace place, HttpContext http, IGrainFactory grains) =>
        StepAsync(place, http, grains, (grid, by) => grid.AcceptAsync(place.Id, by));

    internal static Task<Results<Ok<ProblemView>, ProblemHttpResult>> StartAsync(ProblemPlace place, HttpContext http, IGrainFactory grains) =>
        StepAsync(place, http, grains, (grid, by) => grid.StartAsync(place.Id, by));

    internal static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> ResolveAsync(ProblemPlace place, StepNote request, HttpContext http, IGrainFactory grains) =>
        NoteTooLong(request) ?? await StepAsync(place, http, grains, (grid, by) => grid.ResolveAsync(place.Id, request.Resolution ?? "", by));

    internal static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> EscalateAsync(ProblemPlace place, StepNote request, HttpContext http, IGrainFactory grains) =>
        NoteTooLong(request) ?? await StepAsync(place, http, grains, (grid, by) => grid.EscalateAsync(place.Id, request.Reason ?? "", by));

    internal static async Task<Results<Created<ProblemView>, Ok<ProblemView>, ProblemHttpResult>> FileAsync(
        GridPlace place, FileRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IGrainFactory grains, GridMap map)
    {
        if (FieldLimits.Refusal(("category", request.Category, TextRules.MaxId), ("description", request.Description, ProblemLimits.Description),
                ("location", request.Location, ProblemLimits.Location), ("compound", request.Compound, TextRules.MaxId),
                ("photoUrl", request.PhotoUrl, ProblemLimits.PhotoUrl), ("source", request.Source, TextRules.MaxId),
                ("crs", request.Crs, TextRules.MaxId), ("Idempotency-Key", idempotencyKey, ProblemLimits.IdempotencyKey)) is { } tooLong)
            return tooLong;
        var (position, compound, misplaced) = Placed(place, request, map);
        if (misplaced is not null)
            return ApiProblems.BadRequest(misplaced);
        var caller = http.Caller();
        var (source, station, forbidden) = GridAccess.SourceFor(caller, place.Grid, request.Source);
        if (forbidden is not null)
            return ApiProblems.Forbidden(forbidden);
        if (!Enum.TryParse<ProblemCategory>(request.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category) || int.TryParse(request.Category, out _))
            return ApiProblems.BadRequest($"category '{request.Category}' is not one of {string.Join(", ", Enum.GetNames<ProblemCategory>().Select(n => n.ToLowerInvariant()))}");
        var problem = new NewProblem
        {
            Category = category,
            Description = request.Description ?? "",
            Location = request.Location ?? "",
            Compound = request.Compound ?? compound,
            PhotoUrl = request.PhotoUrl,
            Source = source,
            Station = station,
            Position = position,
        };

        var outcome = await grains.GetGrain<IGridGrain>(place.Id).FileAsync(problem, Actor.Of(caller), idempotencyKey ?? "");
        if (!outcome.IsOk)
            return ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
        var filed = outcome.Value!;
        if (!filed.Replayed)
            return TypedResults.Created($"/api/problems/{filed.Problem.Id}", filed.Problem);
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(filed.Problem);
    }

    /// <summary>
    /// The filing's point in WGS-84 and the compound nearest it, or why it cannot be taken: coordinates that are not
    /// degrees, a point in no grid, or a point in another grid than the one filed in (named, so the client can file there).
    /// </summary>
    private static (GeoPosition? Position, string? Compound, string? Problem) Placed(GridPlace place, FileRequest request, GridMap map)
    {
        if (request.Latitude is null && request.Longitude is null && request.Crs is null)
            return (null, null, null);
        if (GeoPoints.Read(request.Latitude, request.Longitude, request.Crs) is not { } point)
            return (null, null, GeoPoints.Usage);
        var (placement, problem) = GeoPoints.Place(map, point);
        if (problem is not null)
            return (null, null, problem);
        if (placement!.Grid != place.Id)
            return (null, null, $"位置不在该网格内 (the point {GeoPoints.Text(point)} lies in grid {placement.Grid}, not in {place.Id})");
        return (point, placement.Compound, null);
    }

    /// <summary>A page of the grid's problems; a station sees only those it reported.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<ProblemView>>, ProblemHttpResult>> ListAsync(
        GridPlace place, string? status, string? after, string? limit, HttpContext http, IGrainFactory grains)
    {
        ProblemStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ProblemStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                return ApiProblems.BadRequest($"status '{status}' is not one of filed, accepted, inProgress, resolved, escalated");
            wanted = parsed;
        }
        if (Paging.Read(after, limit, out var asked, afterIs: "a problem number") is { } badPage)
            return badPage;
        var page = await grains.GetGrain<IGridGrain>(place.Id).ListProblemsAsync(wanted, asked.After, asked.Limit);
        Paging.LinkNext(http, page.NextAfter, asked);
        var caller = http.Caller();
        return TypedResults.Ok(GridAccess.ReadsAll(caller, place.Grid)
            ? page.Problems
            : page.Problems.Where(p => p.Station == GridAccess.StationOf(caller, place.Grid)).ToList());
    }

    private static ProblemHttpResult? NoteTooLong(StepNote request) =>
        FieldLimits.Refusal(("resolution", request.Resolution, ProblemRules.MaxNote), ("reason", request.Reason, ProblemRules.MaxNote));

    private static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> StepAsync(
        ProblemPlace place, HttpContext http, IGrainFactory grains, Func<IGridGrain, GridActor, Task<Outcome<ProblemView>>> step)
    {
        var caller = http.Caller();
        var level = GridAccess.MaxLevel(caller, place.Grid)!.Value; // the rule HandleProblem allowed only callers with a level
        return (await step(grains.GetGrain<IGridGrain>(place.Grid.Id), new GridActor(Actor.Of(caller), level))).ToHttp();
    }
}
