using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Layout;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.Grids.Http;

/// <summary><c>/api/geo/locate</c>: the grid, compound, property tier and responsible party of a point.</summary>
internal static class GeoEndpoints
{
    /// <summary>Where a point is (in WGS-84 whatever the caller sent) and who is responsible for property problems there.</summary>
    public sealed record Located(
        double Latitude, double Longitude, string Street, string Grid, string GridName, string? Compound, string? CompoundName,
        PropertyTier? Tier, string? Responsible);

    public static void Map(IEndpointRouteBuilder api)
    {
        var geo = api.MapPlaceGroup<DistrictPlace>("/geo").WithTags("Geography");
        geo.MapGet("/locate", LocateAsync).Allow(DistrictAccessRules.AnyToken);
    }

    internal static async Task<Results<Ok<Located>, ProblemHttpResult>> LocateAsync(
        string? latitude, string? longitude, string? crs, GridMap map, GridDirectory grids, IGrainFactory grains)
    {
        if (GeoPoints.Read(latitude, longitude, crs) is not { } point)
            return ApiProblems.BadRequest(GeoPoints.Usage);
        var placed = GeoPoints.Place(map, point);
        if (placed.Problem is { } outside)
            return ApiProblems.BadRequest(outside);
        var grid = grids.Find(placed.Placement!.Grid!)!;
        var compound = placed.Placement.Compound is { } merged ? grid.Compounds.First(c => c.Compound.Code == merged).Compound : null;
        var tier = compound is null ? null : await grains.GetGrain<IPropertyTiersGrain>(grid.Street.Code).GetAsync($"{grid.Street.Code}.{compound.Code}");
        return TypedResults.Ok(new Located(point.Latitude, point.Longitude, grid.Street.Code, grid.Id, grid.Record.Name,
            compound?.Code, compound?.Name, tier?.Tier, tier?.Responsible));
    }
}
