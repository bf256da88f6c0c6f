using System.Text.Json.Nodes;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Layout;
using NetTopologySuite.Geometries;

namespace ModularGov.Grids.Tests;

/// <summary>Every bundled street's shapes pass the checks; a broken shape is refused, naming the grid or compound.</summary>
public class GeographyCheckTests
{
    private static readonly string[] Streets = ["beidajie", "nanshanlu", "shangzhan", "yijing"];

    private static IReadOnlyList<string> CheckNanshanlu(Action<JsonArray> change)
    {
        var street = BundledStreets.Get("nanshanlu");
        var json = JsonNode.Parse(street.Layout.Geography!)!;
        change(json["features"]!.AsArray());
        return GeographyCheck.Check(BundledStreets.WithLayout("nanshanlu", l => l with { Geography = json.ToJsonString() })).ToList();
    }

    private static JsonNode Feature(JsonArray features, string kind, string code) =>
        features.Single(f => (string?)f!["properties"]!["kind"] == kind && (string?)f["properties"]!["code"] == code)!;

    private static JsonArray Ring(params (double Lon, double Lat)[] points) =>
        new(points.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat)).ToArray());

    [Fact]
    public void Every_bundled_street_ships_a_shape_for_each_grid_and_a_point_for_each_compound_and_passes()
    {
        BundledStreets.Scan.Rejected.Select(r => r.ToString()).ShouldBeEmpty();
        foreach (var code in Streets)
        {
            var street = BundledStreets.Get(code);
            var (shapes, problem) = StreetShapes.Parse(street.Layout.Geography!);
            problem.ShouldBeNull(code);
            shapes!.Grids.Count.ShouldBe(street.Layout.GridPlan.Grids.Count, code);
            shapes.Compounds.Count.ShouldBe(street.Layout.Compounds.Count, code);
            GeographyCheck.Check(street).ToList().ShouldBeEmpty(code);
            street.Layout.Geography!.Contains("\"sample\":true").ShouldBeTrue($"{code}'s shapes are marked sample");
        }
    }

    [Fact]
    public void No_two_streets_of_the_district_overlap_either()
    {
        var shapes = Streets.Select(code => (code, Area: NetTopologySuite.Operation.Union.UnaryUnionOp.Union(
            StreetShapes.Parse(BundledStreets.Get(code).Layout.Geography!).Shapes!.Grids.Select(g => g.Shape).ToList()))).ToList();
        var overlapping = shapes.SelectMany(a => shapes.Where(b => string.CompareOrdinal(a.code, b.code) < 0 && a.Area.Intersection(b.Area).Area > 0)
            .Select(b => $"{a.code}/{b.code}")).ToList();
        overlapping.ShouldBeEmpty();
    }

    [Fact]
    public void A_grid_whose_outline_crosses_itself_is_named()
    {
        var problems = CheckNanshanlu(features => Feature(features, "grid", "g050")["geometry"]!["coordinates"] =
            new JsonArray(Ring((113.58, 37.84), (113.59, 37.85), (113.59, 37.84), (113.58, 37.85), (113.58, 37.84))));
        problems.Count(p => p.StartsWith("grid 'g050' is not a valid polygon: Self-intersection")).ShouldBe(1, string.Join("\n", problems));
    }

    [Fact]
    public void Two_grids_that_overlap_are_named_with_the_area_they_share()
    {
        // g002 takes g001's shape as well: the two cover the same ground.
        var problems = CheckNanshanlu(features => Feature(features, "grid", "g002")["geometry"] = Feature(features, "grid", "g001")["geometry"]!.DeepClone());
        var named = problems.Where(p => p.StartsWith("grids 'g001' and 'g002' overlap by about")).ToList();
        named.Count.ShouldBe(1, string.Join("\n", problems));
    }

    [Fact]
    public void A_compound_placed_outside_the_grids_its_plan_gives_it_is_named_with_where_it_lies()
    {
        var g096 = StreetShapes.Parse(BundledStreets.Get("nanshanlu").Layout.Geography!).Shapes!.Grids.Single(g => g.Code == "g096").Shape.InteriorPoint;
        var problems = CheckNanshanlu(features => Feature(features, "compound", "c001")["geometry"]!["coordinates"] = new JsonArray(g096.X, g096.Y));
        problems.Count(p => p.StartsWith("compound 'c001' lies in grid g096, but the grid plan puts it (m001) in g001, g002")).ShouldBe(1, string.Join("\n", problems));
    }

    [Fact]
    public void Latitude_and_longitude_swapped_are_refused_as_outside_China()
    {
        var problems = CheckNanshanlu(features =>
        {
            var ring = Feature(features, "grid", "g010")["geometry"]!["coordinates"]![0]!.AsArray();
            foreach (var point in ring)
                (point![0], point[1]) = (point[1]!.DeepClone(), point[0]!.DeepClone());
        });
        problems.ShouldContain("grid 'g010' lies outside China (longitude first, then latitude, in WGS-84)");
    }

    [Fact]
    public void A_grid_of_the_plan_without_a_shape_and_a_shape_of_no_grid_are_both_named()
    {
        var problems = CheckNanshanlu(features => Feature(features, "grid", "g020")["properties"]!["code"] = "g999");
        problems.ShouldContain("grid 'g999' has a shape but is not in the grid plan");
        problems.ShouldContain("grid 'g020' of the grid plan has no shape");
    }

    [Fact]
    public void A_merge_plan_that_puts_a_compound_twice_is_named_by_the_layout_check_and_the_shapes_check_does_not_throw()
    {
        var street = BundledStreets.WithLayout("nanshanlu", l => l with
        {
            MergePlan = l.MergePlan with { Compounds = l.MergePlan.Compounds.Select((m, i) => i == 0 ? m with { Members = [.. m.Members, "c005"] } : m).ToList() },
        });
        var problems = new GridsModule().CheckStreet(street);
        problems.Count(p => p.StartsWith("compound 'c005' is in both")).ShouldBe(1, string.Join("\n", problems));
    }

    [Fact]
    public void Text_that_is_not_GeoJSON_is_refused_by_name()
    {
        var street = BundledStreets.WithLayout("nanshanlu", l => l with { Geography = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"" });
        GeographyCheck.Check(street).Single().ShouldStartWith("geography.geojson is not a GeoJSON FeatureCollection");
    }

    [Fact]
    public void A_street_that_ships_no_geography_passes_and_has_no_shapes_to_place_points_in()
    {
        var street = BundledStreets.WithLayout("nanshanlu", l => l with { Geography = null });
        GeographyCheck.Check(street).ShouldBeEmpty();
        LayoutCheck.Check(street).ShouldBeEmpty();
    }
}
