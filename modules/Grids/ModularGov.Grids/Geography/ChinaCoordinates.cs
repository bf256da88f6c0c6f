namespace ModularGov.Grids.Geography;

/// <summary>
/// GCJ-02, the coordinates Chinese map apps (高德, 腾讯, WeChat's location) give: WGS-84 moved by a published
/// offset formula of a few hundred metres. Forward is the formula; back to WGS-84 is found by iterating it, to well
/// under a centimetre.
/// </summary>
internal static class ChinaCoordinates
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;

    public static (double Lat, double Lon) Wgs84ToGcj02(double lat, double lon)
    {
        var (dLat, dLon) = Offset(lat, lon);
        return (lat + dLat, lon + dLon);
    }

    public static (double Lat, double Lon) Gcj02ToWgs84(double lat, double lon)
    {
        var (wgsLat, wgsLon) = (lat, lon);
        for (var i = 0; i < 30; i++)
        {
            var (gcjLat, gcjLon) = Wgs84ToGcj02(wgsLat, wgsLon);
            var (errLat, errLon) = (gcjLat - lat, gcjLon - lon);
            wgsLat -= errLat;
            wgsLon -= errLon;
            if (Math.Abs(errLat) < 1e-10 && Math.Abs(errLon) < 1e-10)
                break;
        }
        return (wgsLat, wgsLon);
    }

    private static (double DLat, double DLon) Offset(double lat, double lon)
    {
        var x = lon - 105.0;
        var y = lat - 35.0;
        var shared = (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x)) + shared
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x)) + shared
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        var radLat = lat / 180.0 * Math.PI;
        var magic = 1 - Ee * Math.Pow(Math.Sin(radLat), 2);
        var sqrtMagic = Math.Sqrt(magic);
        return (dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI), dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI));
    }
}
