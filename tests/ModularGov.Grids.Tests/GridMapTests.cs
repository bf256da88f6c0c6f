using ModularGov.Grids.Geography;
using ModularGov.Host.Plugins;
using NetTopologySuite.Geometries;

namespace ModularGov.Grids.Tests;

/// <summary>A point is placed in its grid and compound: inside, on a border, and outside every grid of the district.</summary>
public class GridMapTests
{
    private static readonly GridMap Map = new(new StreetDirectory(BundledStreets.Scan.Loaded));

    private static Geometry Shape(string street, string grid) =>
        StreetShapes.Parse(BundledStreets.Get(street).Layout.Geography!).Shapes!.Grids.Single(g => g.Code == grid).Shape;

    [Fact]
    public void A_point_inside_a_grid_is_placed_in_that_grid_for_every_grid_of_the_district()
    {
        var misplaced = new List<string>();
        foreach (var street in BundledStreets.Scan.Loaded)
            foreach (var grid in street.Layout.GridPlan.Grids)
            {
                var inside = Shape(street.Code, grid.Code).InteriorPoint;
                var placed = Map.Place(inside.Y, inside.X)!;
                if (placed.Grid != $"{street.Code}.{grid.Code}")
                    misplaced.Add($"{street.Code}.{grid.Code} → {placed.Grid}");
            }
        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void A_compound_s_own_point_is_placed_in_a_grid_its_plan_gives_it_and_at_that_compound()
    {
        var street = BundledStreets.Get("nanshanlu");
        var shapes = StreetShapes.Parse(street.Layout.Geography!).Shapes!;
        var point = (Point)shapes.Compounds.Single(c => c.Code == "c002").Shape; // 馨园花园, merged into m002 (香榭片区), in g003
        var placed = Map.Place(point.Y, point.X)!;
        placed.Grid.ShouldBe("nanshanlu.g003");
        placed.Compound.ShouldBe("m002");
        placed.NearestMetres.ShouldBe(0);
    }

    [Fact]
    public void A_point_on_the_border_of_two_grids_goes_to_the_grid_whose_id_sorts_first_every_time()
    {
        var g001 = Shape("nanshanlu", "g001");
        var g002 = Shape("nanshanlu", "g002");
        var border = g001.Intersection(g002);
        border.Dimension.ShouldBe(Dimension.Curve, "g001 and g002 share a border");
        var onBorder = border.Coordinates.First();
        for (var i = 0; i < 3; i++)
            Map.Place(onBorder.Y, onBorder.X)!.Grid.ShouldBe("nanshanlu.g001");
    }

    [Fact]
    public void A_point_on_the_outer_edge_of_a_street_is_inside_the_grid_whose_edge_it_is()
    {
        var street = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(
            StreetShapes.Parse(BundledStreets.Get("yijing").Layout.Geography!).Shapes!.Grids.Select(g => g.Shape).ToList());
        var edge = street.Boundary.Coordinates.First();
        var placed = Map.Place(edge.Y, edge.X)!;
        placed.Grid.ShouldNotBeNull();
        placed.Grid!.ShouldStartWith("yijing.");
    }

    [Fact]
    public void A_point_outside_every_grid_names_the_nearest_grid_and_how_far_it_is()
    {
        // 0.01° south of the southernmost point of 南山路: about 1.1 km.
        var all = BundledStreets.Scan.Loaded.SelectMany(s => StreetShapes.Parse(s.Layout.Geography!).Shapes!.Grids.Select(g => (Id: $"{s.Code}.{g.Code}", g.Shape))).ToList();
        var south = all.SelectMany(g => g.Shape.Coordinates.Select(c => (g.Id, c))).MinBy(x => x.c.Y);
        var placed = Map.Place(south.c.Y - 0.01, south.c.X)!;
        placed.Grid.ShouldBeNull();
        placed.Nearest.ShouldBe(south.Id);
        placed.NearestMetres.ShouldBeInRange(1_100, 1_115);
    }

    [Fact]
    public void GCJ_02_coordinates_are_moved_back_to_WGS_84()
    {
        // Published pairs (WGS-84 → GCJ-02) that the common implementations test against.
        var pairs = new[]
        {
            (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215), // 上海
            (22.543847, 113.912316, 22.540796131694766, 113.9171764808363), // 深圳
            (39.911954, 116.377817, 39.91334545536069, 116.38404722455657), // 北京
        };
        foreach (var (wgsLat, wgsLon, gcjLat, gcjLon) in pairs)
        {
            var gcj = ChinaCoordinates.Wgs84ToGcj02(wgsLat, wgsLon);
            gcj.Lat.ShouldBe(gcjLat, 1e-6);
            gcj.Lon.ShouldBe(gcjLon, 1e-6);
            var back = ChinaCoordinates.Gcj02ToWgs84(gcjLat, gcjLon);
            back.Lat.ShouldBe(wgsLat, 1e-7);
            back.Lon.ShouldBe(wgsLon, 1e-7);
        }
    }
}
