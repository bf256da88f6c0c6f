using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;

namespace ModularGov.GeoSample;

/// <summary>
/// Sample shapes for a street: each compound's Voronoi cell within a margin around the street's compounds, the cells of
/// a merged compound joined, a merged compound that the grid plan splits cut into strips west to east in the
/// proportion of the households each grid takes, and each grid the union of what it takes. So the grids of a street
/// never overlap, and every compound's point lies in a grid the plan gives its merged compound.
/// </summary>
internal static class SampleGeography
{
    private const double MarginMetres = 120;
    private const double MetresPerDegreeLatitude = 110_540;
    private const double MetresPerDegreeLongitudeAtEquator = 111_320;

    private static readonly GeometryFactory Metric = new();
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(1e7), 4326);

    public static (string Json, int Grids, int Compounds) Draw(StreetGround ground, (double Lat, double Lon) origin)
    {
        var points = ground.Compounds.ToDictionary(c => c.Code, c => new Coordinate(c.Location.X, c.Location.Y));
        var area = Metric.CreateMultiPointFromCoords([.. points.Values]).ConvexHull().Buffer(MarginMetres);
        var cells = CellsOf(points, area);
        var pieces = new Dictionary<string, List<Geometry>>();
        foreach (var merged in ground.MergePlan.Compounds)
        {
            var cell = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(merged.Members.Select(m => cells[m]).ToList());
            var parts = ground.GridPlan.Grids.SelectMany(g => g.Parts.Where(p => p.Compound == merged.Code).Select(p => (Grid: g.Code, p.Households))).ToList();
            foreach (var (grid, piece) in Strips(cell, parts))
                (pieces.TryGetValue(grid, out var list) ? list : pieces[grid] = []).Add(piece);
        }

        var shapes = ground.GridPlan.Grids.ToDictionary(g => g.Code, g => NetTopologySuite.Operation.Union.UnaryUnionOp.Union(pieces[g.Code]));
        var features = new FeatureCollection();
        foreach (var grid in ground.GridPlan.Grids)
            features.Add(Feature(ToWgs84(WithSharedVertices(shapes[grid.Code], shapes.Values), origin), "grid", grid.Code, grid.Name));
        foreach (var compound in ground.Compounds)
            features.Add(Feature(ToWgs84(Metric.CreatePoint(points[compound.Code]), origin), "compound", compound.Code, compound.Name));

        // One feature a line: small diffs when a street redraws one grid.
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new GeoJsonConverterFactory());
        var lines = features.Select(f => "    " + JsonSerializer.Serialize(f, options));
        var json = "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n" + string.Join(",\n", lines) + "\n  ]\n}\n";
        return (json, ground.GridPlan.Grids.Count, ground.Compounds.Count);
    }

    private static Dictionary<string, Geometry> CellsOf(Dictionary<string, Coordinate> points, Geometry area)
    {
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = area.EnvelopeInternal };
        builder.SetSites(points.Values.ToList());
        var diagram = builder.GetDiagram(Metric);
        var cells = new Dictionary<string, Geometry>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            var code = points.First(p => p.Value.Equals2D(site)).Key;
            cells[code] = cell.Intersection(area);
        }
        return cells;
    }

    /// <summary>
    /// The shape with every neighbour's vertex that lies on its outline added to it: where a neighbour's corner meets the
    /// middle of an edge, both then round that point alike, and no rounding opens a sliver of overlap along a long edge.
    /// </summary>
    private static Geometry WithSharedVertices(Geometry shape, IEnumerable<Geometry> all)
    {
        var vertices = Metric.CreateMultiPointFromCoords(all.Where(g => g != shape && g.EnvelopeInternal.Intersects(shape.EnvelopeInternal))
            .SelectMany(g => g.Coordinates).ToArray());
        return new NetTopologySuite.Operation.Overlay.Snap.GeometrySnapper(shape).SnapTo(vertices, 1e-6);
    }

    /// <summary>The cell cut west to east into one strip per grid, each as wide as the share of households it takes.</summary>
    private static IEnumerable<(string Grid, Geometry Piece)> Strips(Geometry cell, List<(string Grid, int Households)> parts)
    {
        if (parts.Count == 1)
        {
            yield return (parts[0].Grid, cell);
            yield break;
        }
        var box = cell.EnvelopeInternal;
        var total = (double)parts.Sum(p => p.Households);
        var west = box.MinX;
        var taken = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            taken += parts[i].Households;
            var east = i == parts.Count - 1 ? box.MaxX : box.MinX + box.Width * taken / total;
            var strip = Metric.ToGeometry(new Envelope(west, east, box.MinY, box.MaxY));
            yield return (parts[i].Grid, cell.Intersection(strip));
            west = east;
        }
    }

    private static Geometry ToWgs84(Geometry metric, (double Lat, double Lon) origin)
    {
        var metresPerDegreeLongitude = MetresPerDegreeLongitudeAtEquator * Math.Cos(origin.Lat * Math.PI / 180);
        var copy = metric.Copy();
        copy.Apply(new Projection(c => { c.X = origin.Lon + c.X / metresPerDegreeLongitude; c.Y = origin.Lat + c.Y / MetresPerDegreeLatitude; }));
        // Point by point: a vertex two grids share rounds the same way in both, so no rounding opens an overlap between them.
        return GeometryPrecisionReducer.ReducePointwise(Wgs84.CreateGeometry(copy), Wgs84.PrecisionModel);
    }

    private static IFeature Feature(Geometry geometry, string kind, string code, string name) =>
        new NetTopologySuite.Features.Feature(geometry, new AttributesTable
        {
            { "kind", kind },
            { "code", code },
            { "name", name },
            { "sample", true },
        });

    private sealed class Projection(Action<Coordinate> move) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var c = sequence.GetCoordinate(i);
                move(c);
                sequence.SetX(i, c.X);
                sequence.SetY(i, c.Y);
            }
        }
    }
}
