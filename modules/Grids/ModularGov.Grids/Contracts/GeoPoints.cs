using System.Globalization;
using ModularGov.Grids.Geography;

namespace ModularGov.Grids.Contracts;

/// <summary>
/// A point as a caller gives it (the API, the console's form, Open311): latitude and longitude in decimal degrees, WGS-84
/// unless <c>crs=gcj02</c> says they come from a Chinese map app; and where it lies, or why it lies nowhere.
/// </summary>
public static class GeoPoints
{
    public const string Usage =
        "坐标格式错误 (latitude and longitude are decimal degrees, WGS-84; add crs=gcj02 for coordinates from a Chinese map app)";

    /// <summary>The point in WGS-84, or null when a coordinate is missing, not a number or out of range, or the system is not one we know.</summary>
    public static GeoPosition? Read(string? latitude, string? longitude, string? crs) =>
        double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
        && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            ? Read(lat, lon, crs)
            : null;

    /// <inheritdoc cref="Read(string?, string?, string?)"/>
    public static GeoPosition? Read(double? latitude, double? longitude, string? crs)
    {
        if (latitude is not { } lat || !double.IsFinite(lat) || Math.Abs(lat) > 90 || longitude is not { } lon || !double.IsFinite(lon) || Math.Abs(lon) > 180)
            return null;
        return crs?.ToLowerInvariant() switch
        {
            null or "" or "wgs84" or "wgs-84" or "epsg:4326" => new GeoPosition(lat, lon),
            "gcj02" or "gcj-02" => Position(ChinaCoordinates.Gcj02ToWgs84(lat, lon)),
            _ => null,
        };
    }

    private static GeoPosition Position((double Lat, double Lon) point) => new(point.Lat, point.Lon);

    /// <summary>The point's grid, or why it has none: outside every grid (naming the nearest and how far), or no street ships shapes.</summary>
    public static (GridPlacement? Placement, string? Problem) Place(IGridLocator locator, GeoPosition point) =>
        locator.Place(point.Latitude, point.Longitude) switch
        {
            null => (null, "本区尚无网格边界数据 (no street of this district ships grid shapes, so no point can be placed)"),
            { Grid: null } outside => (null, string.Create(CultureInfo.InvariantCulture,
                $"位置不在任何网格内 ({Text(point)} lies in no grid of this district; the nearest is {outside.Nearest}, {outside.NearestMetres:0} m away)")),
            var inside => (inside, null),
        };

    /// <summary>The point as messages name it: (latitude, longitude) to six decimals, about 0.1 m.</summary>
    public static string Text(GeoPosition point) =>
        string.Create(CultureInfo.InvariantCulture, $"({point.Latitude:0.000000}, {point.Longitude:0.000000})");
}
