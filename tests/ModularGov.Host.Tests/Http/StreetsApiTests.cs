using System.Net;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary><c>/api/streets</c>, <c>/health</c>, <c>/openapi/v1.json</c> over real HTTP.</summary>
public sealed class StreetsApiTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task Streets_lists_every_bundled_street_with_its_figures()
    {
        var streets = await (await _district.Client().GetAsync("/api/streets")).JsonAsync();
        streets.GetArrayLength().ShouldBe(4);
        var nanshanlu = streets.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "nanshanlu");
        nanshanlu.GetProperty("name").GetString().ShouldBe("南山路街道");
        nanshanlu.GetProperty("kind").GetString().ShouldBe("街道");
        nanshanlu.GetProperty("areaKm2").GetDecimal().ShouldBe(7.22m);
        nanshanlu.GetProperty("households").GetInt32().ShouldBe(34_977);
        nanshanlu.GetProperty("residents").GetInt32().ShouldBe(67_243);
        nanshanlu.GetProperty("communities").GetInt32().ShouldBe(16);
        nanshanlu.GetProperty("residentUnits").GetInt32().ShouldBe(79);
        nanshanlu.GetProperty("pluginVersion").GetString().ShouldBe("1.0.0");
        nanshanlu.GetProperty("sample").GetBoolean().ShouldBeFalse();
        var yijing = streets.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "yijing");
        yijing.GetProperty("kind").GetString().ShouldBe("镇");
        yijing.GetProperty("sample").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task One_street_comes_with_its_community_list()
    {
        var street = await (await _district.Client().GetAsync("/api/streets/beidajie")).JsonAsync();
        street.GetProperty("name").GetString().ShouldBe("北大街街道");
        var communities = street.GetProperty("communityList").EnumerateArray().ToList();
        communities.Count.ShouldBe(street.GetProperty("communities").GetInt32());
        var donggou = communities.Single(c => c.GetProperty("name").GetString() == "东沟社区");
        donggou.GetProperty("id").GetString().ShouldBe("beidajie.donggou");
        donggou.GetProperty("sample").GetBoolean().ShouldBeTrue();
        communities.Sum(c => c.GetProperty("households").GetInt32()).ShouldBe(street.GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_is_not_escaped()
    {
        var raw = await _district.Client().GetStringAsync("/api/streets/nanshanlu");
        raw.ShouldContain("\"name\":\"南山路街道\"");
        raw.ShouldNotContain("\\u");
    }

    [Fact]
    public async Task An_unknown_street_is_a_404_problem()
    {
        var problem = await (await _district.Client().GetAsync("/api/streets/nosuch")).ShouldBeProblemAsync(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("nosuch");
        problem.GetProperty("title").GetString()!.ShouldContain("未找到");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await (await _district.Client().GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_open()
    {
        var anonymous = _district.Client(token: null);
        var health = await anonymous.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await health.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("ok");
        body.GetProperty("streets").GetInt32().ShouldBe(4);
        body.GetProperty("silos").GetInt32().ShouldBe(1);

        var openApi = await anonymous.GetAsync("/openapi/v1.json");
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paths = (await openApi.JsonAsync()).GetProperty("paths");
        paths.TryGetProperty("/api/streets", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/streets/{code}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/tokens", out _).ShouldBeTrue();
    }
}
