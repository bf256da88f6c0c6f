using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Streets;
using NetTopologySuite.Geometries;

namespace ModularGov.Host.Tests.Http;

/// <summary><c>/api/geo/locate</c>: a point's grid, compound, tier and responsible party, in WGS-84 or GCJ-02.</summary>
public sealed class GeoApiTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    /// <summary>馨园花园 (c002) as its street ships it, merged into 香榭片区 (m002) in 香榭网格 (g003).</summary>
    private Point Xinyuan()
    {
        var street = _district.Host.App.Services.GetRequiredService<IStreetDirectory>().Find("nanshanlu")!;
        return (Point)StreetShapes.Parse(street.Layout.Geography!).Shapes!.Compounds.Single(c => c.Code == "c002").Shape;
    }

    private static string Query(double lat, double lon, string? crs = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/geo/locate?latitude={lat:R}&longitude={lon:R}{(crs is null ? "" : $"&crs={crs}")}");

    [Fact]
    public async Task A_point_is_placed_in_its_grid_and_compound_with_the_tier_and_who_is_responsible()
    {
        var point = Xinyuan();
        var located = await (await _district.Client().GetAsync(Query(point.Y, point.X))).JsonAsync();
        located.GetProperty("street").GetString().ShouldBe("nanshanlu");
        located.GetProperty("grid").GetString().ShouldBe("nanshanlu.g003");
        located.GetProperty("gridName").GetString().ShouldBe("香榭网格");
        located.GetProperty("compound").GetString().ShouldBe("m002");
        located.GetProperty("compoundName").GetString().ShouldBe("香榭片区");
        var tiers = await (await _district.Client().GetAsync("/api/streets/nanshanlu/tiers")).JsonAsync();
        var m002 = tiers.GetProperty("compounds").EnumerateArray().Single(c => c.GetProperty("compound").GetString() == "nanshanlu.m002");
        located.GetProperty("tier").GetString().ShouldBe(m002.GetProperty("tier").GetString());
        located.GetProperty("responsible").GetString().ShouldBe(m002.GetProperty("responsible").GetString());
    }

    [Fact]
    public async Task GCJ_02_coordinates_from_a_Chinese_map_app_land_in_the_same_grid()
    {
        var point = Xinyuan();
        var gcj = ChinaCoordinates.Wgs84ToGcj02(point.Y, point.X);
        var wgsGrid = await (await _district.Client().GetAsync(Query(gcj.Lat, gcj.Lon))).JsonAsync();
        var located = await (await _district.Client().GetAsync(Query(gcj.Lat, gcj.Lon, "gcj02"))).JsonAsync();
        located.GetProperty("grid").GetString().ShouldBe("nanshanlu.g003");
        located.GetProperty("latitude").GetDouble().ShouldBe(point.Y, 1e-7);
        located.GetProperty("longitude").GetDouble().ShouldBe(point.X, 1e-7);
        // Read as WGS-84 the same numbers are some 500 m off, somewhere else.
        (wgsGrid.TryGetProperty("grid", out var other) && other.GetString() == "nanshanlu.g003").ShouldBeFalse();
    }

    [Fact]
    public async Task A_point_outside_every_grid_is_a_400_naming_the_nearest_grid_and_its_distance()
    {
        var response = await _district.Client().GetAsync(Query(37.80, 113.59));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        detail.ShouldContain("lies in no grid of this district; the nearest is nanshanlu.g");
        detail.ShouldEndWith(" m away)");
    }

    private async Task<HttpResponseMessage> FileAsync(string grid, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await _district.Client().SendAsync(request);
    }

    [Fact]
    public async Task A_property_problem_filed_with_coordinates_finds_its_compound_and_goes_to_whoever_its_tier_makes_responsible()
    {
        var point = Xinyuan();
        var gcj = ChinaCoordinates.Wgs84ToGcj02(point.Y, point.X);
        var response = await FileAsync("nanshanlu.g003", "geo-1", new
        {
            category = "property", description = "楼道灯坏了", location = "馨园花园门口", latitude = gcj.Lat, longitude = gcj.Lon, crs = "gcj02",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var problem = await response.JsonAsync();
        problem.GetProperty("compound").GetString().ShouldBe("nanshanlu.m002");
        problem.GetProperty("position").GetProperty("latitude").GetDouble().ShouldBe(point.Y, 1e-7);
        problem.GetProperty("position").GetProperty("longitude").GetDouble().ShouldBe(point.X, 1e-7);
        var located = await (await _district.Client().GetAsync(Query(point.Y, point.X))).JsonAsync();
        problem.GetProperty("assignedTo").GetString().ShouldBe(located.GetProperty("responsible").GetString());
    }

    [Fact]
    public async Task Coordinates_in_another_grid_or_in_none_are_a_400_and_nothing_is_filed()
    {
        var point = Xinyuan();
        var elsewhere = await FileAsync("nanshanlu.g001", "geo-2", new { category = "environment", description = "垃圾", location = "门口", latitude = point.Y, longitude = point.X });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await elsewhere.JsonAsync()).GetProperty("detail").GetString()!.ShouldEndWith("lies in grid nanshanlu.g003, not in nanshanlu.g001)");
        var outside = await FileAsync("nanshanlu.g001", "geo-3", new { category = "environment", description = "垃圾", location = "门口", latitude = 37.80, longitude = 113.59 });
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("lies in no grid of this district");
        var half = await FileAsync("nanshanlu.g001", "geo-4", new { category = "environment", description = "垃圾", location = "门口", latitude = 37.85 });
        half.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var filed = await (await _district.Client().GetAsync("/api/grids/nanshanlu.g001/problems")).JsonAsync();
        filed.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("latitude=abc&longitude=113.59")]
    [InlineData("latitude=37.84")]
    [InlineData("latitude=137.84&longitude=113.59")]
    [InlineData("latitude=37.84&longitude=113.59&crs=bd09")]
    public async Task Coordinates_that_are_not_degrees_in_a_known_system_are_a_400(string query)
    {
        var response = await _district.Client().GetAsync($"/api/geo/locate?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString().ShouldBe(GeoPoints.Usage);
    }
}
