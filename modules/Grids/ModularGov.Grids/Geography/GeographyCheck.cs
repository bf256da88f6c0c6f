using ModularGov.SharedKernel.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Valid;

namespace ModularGov.Grids.Geography;

/// <summary>
/// The checks a street's geography must pass: a valid polygon for every grid of its plan and for nothing else, no two
/// grids overlapping, coordinates in China (so longitude and latitude are not swapped), and every compound's point in a
/// grid that the grid plan gives the compound. Every problem names the grid or compound at fault.
/// </summary>
internal static class GeographyCheck
{
    /// <summary>Grids may share a border; an overlap up to this many square metres is the rounding of the shared vertices.</summary>
    private const double OverlapToleranceM2 = 1;

    public static IEnumerable<string> Check(IStreet street)
    {
        if (street.Layout.Geography is not { } json)
            yield break;
        var (shapes, problem) = StreetShapes.Parse(json);
        if (problem is not null)
        {
            yield return problem;
            yield break;
        }
        var problems = GridProblems(street, shapes!).Concat(CompoundProblems(street, shapes!)).ToList();
        foreach (var found in problems)
            yield return found;
        if (problems.Count == 0)
            foreach (var found in OverlapProblems(shapes!))
                yield return found;
    }

    private static IEnumerable<string> GridProblems(IStreet street, StreetShapes shapes)
    {
        var planned = street.Layout.GridPlan.Grids.Select(g => g.Code).ToHashSet();
        foreach (var twice in shapes.Grids.GroupBy(g => g.Code).Where(g => g.Count() > 1))
            yield return $"grid '{twice.Key}' has {twice.Count()} shapes";
        foreach (var (code, shape) in shapes.Grids)
        {
            if (!planned.Contains(code))
                yield return $"grid '{code}' has a shape but is not in the grid plan";
            else if (shape is not (Polygon or MultiPolygon))
                yield return $"grid '{code}' is a {shape.GeometryType}; a grid is a Polygon (or a MultiPolygon)";
            else if (new IsValidOp(shape).ValidationError is { } error)
                yield return $"grid '{code}' is not a valid polygon: {error.Message} at {error.Coordinate}";
            else if (!InChina(shape))
                yield return $"grid '{code}' lies outside China (longitude first, then latitude, in WGS-84)";
        }
        foreach (var missing in planned.Except(shapes.Grids.Select(g => g.Code)).Order(StringComparer.Ordinal))
            yield return $"grid '{missing}' of the grid plan has no shape";
    }

    private static IEnumerable<string> CompoundProblems(IStreet street, StreetShapes shapes)
    {
        var layout = street.Layout;
        var mergedOf = layout.MergePlan.MergedOf();
        var gridsOf = layout.GridPlan.Grids.SelectMany(g => g.Parts.Select(p => (p.Compound, g.Code))).ToLookup(x => x.Compound, x => x.Code);
        var grids = shapes.Grids.Where(g => g.Shape is Polygon or MultiPolygon).ToList();
        foreach (var (code, point) in shapes.Compounds)
        {
            if (!mergedOf.TryGetValue(code, out var merged))
            {
                yield return $"compound '{code}' has a location but is not one of the street's compounds";
                continue;
            }
            if (point is not Point || !InChina(point))
            {
                yield return $"compound '{code}' needs a Point in China (longitude first, then latitude, in WGS-84)";
                continue;
            }
            var planned = gridsOf[merged].ToList();
            var inside = grids.Where(g => g.Shape.Covers(point)).Select(g => g.Code).ToList();
            if (!inside.Intersect(planned).Any())
                yield return $"compound '{code}' lies in {(inside.Count == 0 ? "no grid" : $"grid {string.Join(", ", inside)}")}, but the grid plan puts it ({merged}) in {string.Join(", ", planned)}";
        }
        foreach (var missing in layout.Compounds.Select(c => c.Code).Except(shapes.Compounds.Select(c => c.Code)).Order(StringComparer.Ordinal))
            yield return $"compound '{missing}' has no location";
    }

    private static IEnumerable<string> OverlapProblems(StreetShapes shapes)
    {
        var index = new STRtree<(string Code, Geometry Shape)>();
        foreach (var grid in shapes.Grids)
            index.Insert(grid.Shape.EnvelopeInternal, grid);
        foreach (var (code, shape) in shapes.Grids)
            foreach (var other in index.Query(shape.EnvelopeInternal).Where(o => string.CompareOrdinal(o.Code, code) > 0))
            {
                var overlap = SquareMetres(shape.Intersection(other.Shape));
                if (overlap > OverlapToleranceM2)
                    yield return $"grids '{code}' and '{other.Code}' overlap by about {overlap:0} m²";
            }
    }

    private static bool InChina(Geometry shape) =>
        shape.EnvelopeInternal is { MinX: >= 73, MaxX: <= 136, MinY: >= 3, MaxY: <= 54 };

    /// <summary>An area in square degrees as square metres, near the shape's latitude.</summary>
    private static double SquareMetres(Geometry shape) =>
        shape.IsEmpty ? 0 : shape.Area * Distances.MetresPerDegreeLatitude * Distances.MetresPerDegreeLongitude(shape.Centroid.Y);
}
