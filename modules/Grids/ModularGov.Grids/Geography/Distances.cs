namespace ModularGov.Grids.Geography;

/// <summary>Distances on the WGS-84 ellipsoid, to the metre or so a district's scale needs.</summary>
internal static class Distances
{
    public const double MetresPerDegreeLatitude = 110_574;
    private const double EarthRadiusMetres = 6_371_008.8;

    public static double MetresPerDegreeLongitude(double latitude) => 111_320 * Math.Cos(latitude * Math.PI / 180);

    /// <summary>The great-circle distance between two points given as latitude and longitude in degrees.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
