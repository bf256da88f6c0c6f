using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.Grids.Problems;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Http;

/// <summary>上报: filing a problem in a grid, and every step of its life after that.</summary>
internal static class ProblemEndpoints
{
    public sealed record FileRequest(string? Category, string? Description, string? Location, string? Compound, string? PhotoUrl, string? Source);

    public sealed record StepNote(string? Resolution, string? Reason);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Problems");

        group.MapPost("/grids/{gridId}/problems", async Task<Results<Created<ProblemView>, Ok<ProblemView>, ProblemHttpResult>> (
            string gridId, FileRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            if (FieldLimits.Refusal(("category", request.Category, TextRules.MaxId), ("description", request.Description, ProblemRules.MaxDescription),
                    ("location", request.Location, ProblemRules.MaxLocation), ("compound", request.Compound, TextRules.MaxId),
                    ("photoUrl", request.PhotoUrl, ProblemRules.MaxPhotoUrl), ("source", request.Source, TextRules.MaxId),
                    ("Idempotency-Key", idempotencyKey, ProblemRules.MaxIdempotencyKey)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (Locate(caller, grids, gridId) is { Refused: { } refused })
                return refused;
            var grid = grids.Find(gridId)!;
            var (source, station, forbidden) = GridAccess.SourceFor(caller, grid, request.Source);
            if (forbidden is not null)
                return ApiProblems.Forbidden(forbidden);
            if (!Enum.TryParse<ProblemCategory>(request.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category) || int.TryParse(request.Category, out _))
                return ApiProblems.BadRequest($"category '{request.Category}' is not one of {string.Join(", ", Enum.GetNames<ProblemCategory>().Select(n => n.ToLowerInvariant()))}");
            var problem = new NewProblem(category, request.Description ?? "", request.Location ?? "", request.Compound, request.PhotoUrl, source, station);

            var outcome = await grainFactory.GetGrain<IGridGrain>(gridId).FileAsync(problem, Actor.Of(caller), idempotencyKey ?? "");
            if (!outcome.IsOk)
                return ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
            var filed = outcome.Value!;
            if (!filed.Replayed)
                return TypedResults.Created($"/api/problems/{filed.Problem.Id}", filed.Problem);
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(filed.Problem);
        });

        group.MapGet("/grids/{gridId}/problems", async Task<Results<Ok<IReadOnlyList<ProblemView>>, ProblemHttpResult>> (
            string gridId, string? status, string? after, string? limit, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            if (Locate(http.Caller(), grids, gridId) is { Refused: { } refused })
                return refused;
            ProblemStatus? wanted = null;
            if (status is not null)
            {
                if (!Enum.TryParse<ProblemStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                    return ApiProblems.BadRequest($"status '{status}' is not one of filed, accepted, inProgress, resolved, escalated");
                wanted = parsed;
            }
            if (Paging.Read(after, limit, out var asked, afterIs: "a problem number") is { } badPage)
                return badPage;
            var page = await grainFactory.GetGrain<IGridGrain>(gridId).ListProblemsAsync(wanted, asked.After, asked.Limit);
            Paging.LinkNext(http, page.NextAfter, asked);
            return TypedResults.Ok(page.Problems);
        });

        group.MapGet("/problems/{problemId}", async Task<Results<Ok<ProblemView>, ProblemHttpResult>> (
            string problemId, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
        {
            var gridId = GridOf(problemId);
            if (Locate(http.Caller(), grids, gridId) is { Refused: { } refused })
                return refused;
            var problem = await grainFactory.GetGrain<IGridGrain>(gridId).GetProblemAsync(problemId);
            return problem is null ? ApiProblems.NotFound("事项", problemId) : TypedResults.Ok(problem);
        });

        group.MapPost("/problems/{problemId}/accept", (string problemId, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
            StepAsync(problemId, http, grids, grainFactory, (grid, by) => grid.AcceptAsync(problemId, by)));
        group.MapPost("/problems/{problemId}/start", (string problemId, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
            StepAsync(problemId, http, grids, grainFactory, (grid, by) => grid.StartAsync(problemId, by)));
        group.MapPost("/problems/{problemId}/resolve", async Task<Results<Ok<ProblemView>, ProblemHttpResult>> (string problemId, StepNote request, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
            NoteTooLong(request) ?? await StepAsync(problemId, http, grids, grainFactory, (grid, by) => grid.ResolveAsync(problemId, request.Resolution ?? "", by)));
        group.MapPost("/problems/{problemId}/escalate", async Task<Results<Ok<ProblemView>, ProblemHttpResult>> (string problemId, StepNote request, HttpContext http, GridDirectory grids, IGrainFactory grainFactory) =>
            NoteTooLong(request) ?? await StepAsync(problemId, http, grids, grainFactory, (grid, by) => grid.EscalateAsync(problemId, request.Reason ?? "", by)));
    }

    private static ProblemHttpResult? NoteTooLong(StepNote request) =>
        FieldLimits.Refusal(("resolution", request.Resolution, ProblemRules.MaxNote), ("reason", request.Reason, ProblemRules.MaxNote));

    private static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> StepAsync(
        string problemId, HttpContext http, GridDirectory grids, IGrainFactory grainFactory,
        Func<IGridGrain, GridActor, Task<Outcome<ProblemView>>> step)
    {
        var caller = http.Caller();
        var gridId = GridOf(problemId);
        if (Locate(caller, grids, gridId) is { Refused: { } refused })
            return refused;
        if (GridAccess.MaxLevel(caller, grids.Find(gridId)!) is not { } level)
            return ApiProblems.Forbidden($"your scope {caller.Scope} does not handle problems in grid {gridId}");
        return (await step(grainFactory.GetGrain<IGridGrain>(gridId), new GridActor(Actor.Of(caller), level))).ToHttp();
    }

    /// <summary>The grid of a problem id (<c>&lt;grid id&gt;.p&lt;n&gt;</c>).</summary>
    private static string GridOf(string problemId)
    {
        var cut = problemId.LastIndexOf(".p", StringComparison.Ordinal);
        return cut > 0 ? problemId[..cut] : problemId;
    }

    /// <summary>
    /// A caller outside the grid's street is refused (403) whether or not the grid exists, so nothing about another
    /// street leaks; inside it (or for the district) an unknown grid is a 404.
    /// </summary>
    public static (GridInfo? Grid, ProblemHttpResult? Refused) Locate(AccessIdentity caller, GridDirectory grids, string gridId)
    {
        var street = gridId.Split('.')[0];
        if (!caller.CanSeeStreet(street))
            return (null, ApiProblems.Forbidden($"your scope {caller.Scope} does not include street '{street}'"));
        var grid = grids.Find(gridId);
        return grid is null ? (null, ApiProblems.NotFound("网格", gridId)) : (grid, null);
    }
}
