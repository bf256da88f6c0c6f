using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Http;

/// <summary>A grid the route names with <c>{gridId}</c> (<c>&lt;street&gt;.g&lt;n&gt;</c>).</summary>
internal sealed record GridPlace(GridInfo Grid) : IPlace<GridPlace>
{
    public string Id => Grid.Id;

    public static ValueTask<PlaceLookup<GridPlace>> FindAsync(HttpContext http, AccessIdentity caller) =>
        ValueTask.FromResult(Find(http, caller, http.RouteValue("gridId"), "网格"));

    /// <summary>403 for a caller outside the grid's street, then 404 for a grid the street does not have.</summary>
    public static PlaceLookup<GridPlace> Find(HttpContext http, AccessIdentity caller, string gridId, string what)
    {
        var street = StreetPlace.OfRecord(http, caller, gridId, what);
        if (street.Refusal is { } refused)
            return refused;
        var grid = http.RequestServices.GetRequiredService<GridDirectory>().Find(gridId);
        return grid is null ? ApiProblems.NotFound(what, gridId) : new GridPlace(grid);
    }
}

/// <summary>A grid problem the route names with <c>{problemId}</c> (<c>&lt;grid id&gt;.p&lt;n&gt;</c>), read from its grid.</summary>
internal sealed record ProblemPlace(GridInfo Grid, ProblemView Problem) : IPlace<ProblemPlace>
{
    public string Id => Problem.Id;

    public static async ValueTask<PlaceLookup<ProblemPlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var problemId = http.RouteValue("problemId");
        var grid = GridPlace.Find(http, caller, GridOf(problemId), "事项");
        if (grid.Place is not { } found)
            return grid.Refusal!;
        if (!PlaceIds.IsNumbered(problemId, $"{found.Id}.p"))
            return ApiProblems.NotFound("事项", problemId);
        var problem = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IGridGrain>(found.Id).GetProblemAsync(problemId);
        return problem is null ? ApiProblems.NotFound("事项", problemId) : new ProblemPlace(found.Grid, problem);
    }

    /// <summary>The grid of a problem id (<c>&lt;grid id&gt;.p&lt;n&gt;</c>).</summary>
    private static string GridOf(string problemId)
    {
        var cut = problemId.LastIndexOf(".p", StringComparison.Ordinal);
        return cut > 0 ? problemId[..cut] : problemId;
    }
}
