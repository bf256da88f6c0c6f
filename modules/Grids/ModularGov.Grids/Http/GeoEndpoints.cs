using System.Globalization;
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

/// <summary>A point as a caller gives it: latitude and longitude in degrees, WGS-84 unless <c>crs=gcj02</c> says otherwise.</summary>
internal static class GeoPoints
{
    public const string Usage = "latitude and longitude are decimal degrees (WGS-84; add crs=gcj02 for coordinates from a Chinese map app)";

    public static (double Latitude, double Longitude)? Read(string? latitude, string? longitude, string? crs) =>
        double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
        && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            ? Read(lat, lon, crs)
            : null;

    /// <summary>The point in WGS-84, or null when a coordinate is missing or out of range, or the system is not one we know.</summary>
    public static (double Latitude, double Longitude)? Read(double? latitude, double? longitude, string? crs)
    {
        if (latitude is not { } lat || lat is < -90 or > 90 || double.IsNaN(lat) || longitude is not { } lon || lon is < -180 or > 180 || double.IsNaN(lon))
            return null;
        return crs?.ToLowerInvariant() switch
        {
            null or "" or "wgs84" or "wgs-84" or "epsg:4326" => (lat, lon),
            "gcj02" or "gcj-02" => ChinaCoordinates.Gcj02ToWgs84(lat, lon),
            _ => null,
        };
    }

    /// <summary>The point's grid, or why it has none: outside every grid (naming the nearest and how far), or no street ships shapes.</summary>
    public static (GridPlacement? Placement, string? Problem) Place(GridMap map, (double Latitude, double Longitude) point) =>
        map.Place(point.Latitude, point.Longitude) switch
        {
            null => (null, "no street of this district ships grid shapes, so no point can be placed"),
            { Grid: null } outside => (null, string.Create(CultureInfo.InvariantCulture,
                $"({point.Latitude:0.000000}, {point.Longitude:0.000000}) lies in no grid of this district; the nearest is {outside.Nearest}, {outside.NearestMetres:0} m away")),
            var inside => (inside, null),
        };
}
