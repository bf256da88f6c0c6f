namespace ModularGov.SharedKernel.Layout;

/// <summary>
/// 小区 — an original residential compound, as the street shipped it before merging.
/// <see cref="Location"/> is metres east and north of the street office; <see cref="Adjacent"/> lists the
/// compounds it shares a boundary with; compounds naming the same facility in <see cref="SharedFacilities"/>
/// share it (a boiler house, a gate, a car park). <see cref="PropertyArrangement"/> is the property
/// arrangement found on the ground (e.g. 无物业, 单位自管, 物业公司).
/// </summary>
public sealed record CompoundRecord(
    string Code,
    string Name,
    string Community,
    int Households,
    int Residents,
    int BuildYear,
    GeoPoint Location,
    IReadOnlyList<string> Adjacent,
    IReadOnlyList<string> SharedFacilities,
    string PropertyArrangement,
    bool Sample);

/// <summary>A point in metres east (X) and north (Y) of the street office.</summary>
public sealed record GeoPoint(double X, double Y)
{
    public double DistanceTo(GeoPoint other) => Math.Sqrt(Math.Pow(X - other.X, 2) + Math.Pow(Y - other.Y, 2));
}
