using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace ModularGov.Grids.Geography;

/// <summary>
/// Every grid shape of every street this host serves, in one spatial index, built once at first use from the
/// streets' checked geography. A point on the border of two grids goes to the grid whose id sorts first, so the
/// same point always lands in the same grid.
/// </summary>
internal sealed class GridMap(IStreetDirectory streets) : IGridLocator
{
    private sealed record MappedGrid(string Id, string Street, Geometry Shape, IPreparedGeometry Prepared, IReadOnlyList<(string Merged, Point Point)> Compounds);

    private readonly Lazy<(STRtree<MappedGrid> Index, IReadOnlyList<MappedGrid> Grids)> _map = new(() => Build(streets));

    /// <summary>Whether any street shipped shapes: without them nothing can be placed by coordinates.</summary>
    public bool HasShapes => _map.Value.Grids.Count > 0;

    /// <summary>The grid and compound of a WGS-84 point, or the nearest grid and how far it is; null when no street shipped shapes.</summary>
    public GridPlacement? Place(double latitude, double longitude)
    {
        var (index, grids) = _map.Value;
        if (grids.Count == 0)
            return null;
        var point = StreetShapes.Wgs84.CreatePoint(new Coordinate(longitude, latitude));
        var inside = index.Query(point.EnvelopeInternal).Where(g => g.Prepared.Covers(point)).OrderBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault();
        if (inside is not null)
        {
            var compound = inside.Compounds.OrderBy(c => Metres(point.Coordinate, c.Point.Coordinate)).Select(c => c.Merged).FirstOrDefault();
            return new GridPlacement(inside.Id, compound, inside.Id, 0);
        }
        var nearest = grids.Select(g => (g.Id, Metres: Metres(point.Coordinate, DistanceOp.NearestPoints(g.Shape, point)[0])))
            .OrderBy(g => g.Metres).ThenBy(g => g.Id, StringComparer.Ordinal).First();
        return new GridPlacement(null, null, nearest.Id, nearest.Metres);
    }

    /// <summary>The grid's shape, or null when its street ships none.</summary>
    public Geometry? Outline(string gridId) => _map.Value.Grids.FirstOrDefault(g => g.Id == gridId)?.Shape;

    /// <summary>The street's grid shapes by grid id, in plan order; empty when the street ships none.</summary>
    public IReadOnlyList<(string Id, Geometry Shape)> Outlines(string street) =>
        _map.Value.Grids.Where(g => g.Street == street).Select(g => (g.Id, g.Shape)).ToList();

    private static double Metres(Coordinate a, Coordinate b) => Distances.Metres(a.Y, a.X, b.Y, b.X);

    private static (STRtree<MappedGrid>, IReadOnlyList<MappedGrid>) Build(IStreetDirectory streets)
    {
        var index = new STRtree<MappedGrid>();
        var grids = new List<MappedGrid>();
        foreach (var street in streets.All)
        {
            if (street.Layout.Geography is not { } json || StreetShapes.Parse(json).Shapes is not { } shapes)
                continue;
            var mergedOf = street.Layout.MergePlan.MergedOf();
            var points = shapes.Compounds.Where(c => c.Shape is Point && mergedOf.ContainsKey(c.Code)).Select(c => (Merged: mergedOf[c.Code], Point: (Point)c.Shape)).ToList();
            foreach (var record in street.Layout.GridPlan.Grids)
            {
                if (shapes.Grids.FirstOrDefault(g => g.Code == record.Code).Shape is not { } shape)
                    continue;
                var merged = record.Parts.Select(p => p.Compound).ToHashSet();
                var grid = new MappedGrid($"{street.Code}.{record.Code}", street.Code, shape, PreparedGeometryFactory.Prepare(shape),
                    points.Where(p => merged.Contains(p.Merged)).ToList());
                index.Insert(shape.EnvelopeInternal, grid);
                grids.Add(grid);
            }
        }
        index.Build();
        return (index, grids);
    }
}
