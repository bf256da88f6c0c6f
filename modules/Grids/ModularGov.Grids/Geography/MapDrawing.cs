using System.Globalization;
using System.Text;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Views;
using NetTopologySuite.Geometries;

namespace ModularGov.Grids.Geography;

/// <summary>Draws grid shapes as SVG paths in a box 1,000 wide, north up and to scale (the box's height follows the shapes).</summary>
internal static class MapDrawing
{
    private const double Width = 1000;
    private const double Margin = 10;

    public static MapView Draw(IReadOnlyList<(string Id, string Name, Geometry Shape, int Open)> grids, IEnumerable<(string Grid, MappedProblem Problem)> problems)
    {
        var box = new Envelope();
        foreach (var grid in grids)
            box.ExpandToInclude(grid.Shape.EnvelopeInternal);
        var factor = Math.Cos((box.MinY + box.MaxY) / 2 * Math.PI / 180);
        var scale = (Width - 2 * Margin) / Math.Max(box.Width * factor, 1e-9);
        var projection = new MapProjection(box.MinX - Margin / scale / factor, box.MaxY + Margin / scale, scale, factor);
        var height = box.Height * scale + 2 * Margin;
        var drawn = grids.Select(g => new MapGrid(g.Id, g.Name, PathOf(g.Shape, projection), g.Open, Band(g.Open))).ToList();
        var points = problems.Select(p => new MapPoint(p.Problem.ProblemId, p.Grid,
            X(p.Problem.Longitude, projection), Y(p.Problem.Latitude, projection), p.Problem.Category.Chinese())).ToList();
        return new MapView(Width, Math.Round(height, 1), projection, drawn, points);
    }

    private static int Band(int open) => open switch { 0 => 0, <= 2 => 1, <= 5 => 2, _ => 3 };

    private static double X(double longitude, MapProjection p) => Math.Round((longitude - p.West) * p.Scale * p.LongitudeFactor, 1);

    private static double Y(double latitude, MapProjection p) => Math.Round((p.North - latitude) * p.Scale, 1);

    /// <summary>Every ring of every polygon as one path (holes cut out by the even-odd rule the stylesheet sets).</summary>
    private static string PathOf(Geometry shape, MapProjection projection)
    {
        var path = new StringBuilder();
        for (var i = 0; i < shape.NumGeometries; i++)
        {
            var polygon = (Polygon)shape.GetGeometryN(i);
            foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
            {
                for (var c = 0; c < ring.NumPoints - 1; c++)
                {
                    var point = ring.GetCoordinateN(c);
                    path.Append(c == 0 ? 'M' : 'L').Append(X(point.X, projection).ToString(CultureInfo.InvariantCulture)).Append(' ')
                        .Append(Y(point.Y, projection).ToString(CultureInfo.InvariantCulture));
                }
                path.Append('Z');
            }
        }
        return path.ToString();
    }
}
