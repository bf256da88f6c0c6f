using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.Open311.Http;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;
using NetTopologySuite.Geometries;

namespace ModularGov.Host.Tests.Http;

/// <summary>Open311 GeoReport v2 at <c>/open311/v2</c>: every JSON answer checked against the official schemas, every XML answer parsed.</summary>
public sealed class Open311ApiTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private string _nanshanlu = null!;
    private string _shangzhan = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync();
        _nanshanlu = await TokenAsync("street:nanshanlu", "南山路街道 Open311");
        _shangzhan = await TokenAsync("street:shangzhan", "上站街道 Open311");
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private async Task<string> TokenAsync(string scope, string label)
    {
        var issued = await _district.Client().PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope, label });
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A shipped compound's point of the street, WGS-84 (nanshanlu's c002 lies in grid g003).</summary>
    private Point CompoundPoint(string street, string compound)
    {
        var found = _district.Host.App.Services.GetRequiredService<IStreetDirectory>().Find(street)!;
        return (Point)StreetShapes.Parse(found.Layout.Geography!).Shapes!.Compounds.Single(c => c.Code == compound).Shape;
    }

    private Point FirstCompoundPoint(string street)
    {
        var found = _district.Host.App.Services.GetRequiredService<IStreetDirectory>().Find(street)!;
        return (Point)StreetShapes.Parse(found.Layout.Geography!).Shapes!.Compounds[0].Shape;
    }

    private static Dictionary<string, string> Filing(string? apiKey, Point? at, string serviceCode = "environment", string jurisdiction = "nanshanlu")
    {
        var form = new Dictionary<string, string> { ["jurisdiction_id"] = jurisdiction, ["service_code"] = serviceCode, ["description"] = "楼道堆放垃圾,气味很大" };
        if (apiKey is not null)
            form["api_key"] = apiKey;
        if (at is not null)
        {
            form["lat"] = at.Y.ToString("R", CultureInfo.InvariantCulture);
            form["long"] = at.X.ToString("R", CultureInfo.InvariantCulture);
        }
        return form;
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string format = "json") =>
        await _district.Client(null).PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(form));

    private async Task<string> FileAsync(Point at, string description = "楼道堆放垃圾,气味很大")
    {
        var form = Filing(_nanshanlu, at);
        form["description"] = description;
        var response = await PostAsync(form);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var filed = JsonDocument.Parse(body).RootElement;
        return filed[0].GetProperty("service_request_id").GetString()!;
    }

    private async Task<int> ProblemsInAsync(string street) =>
        (await _district.Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IStreetGridsGrain>(street).GetTotalsAsync()).Problems.Total;

    private async Task<JsonElement> RequestsAsync(string query, string schema = "requests.json")
    {
        var response = await _district.Client(null).GetAsync($"/open311/v2/{query}");
        var json = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        await Open311Schemas.ShouldMatchAsync(json, schema);
        return JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The spec's error answer: a list of one {code, description} whose code is the status.</summary>
    private static async Task ShouldBeErrorAsync(HttpResponseMessage response, HttpStatusCode status, string format = "json")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        if (format == "xml")
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
            var error = Open311Schemas.ShouldBeXml(body, "errors").Elements("error").Single();
            error.Element("code")!.Value.ShouldBe(((int)status).ToString(CultureInfo.InvariantCulture));
            error.Element("description")!.Value.ShouldNotBeNullOrWhiteSpace();
            return;
        }
        var errors = JsonDocument.Parse(body).RootElement;
        errors.GetArrayLength().ShouldBe(1);
        errors[0].GetProperty("code").GetInt32().ShouldBe((int)status);
        errors[0].GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_schemas_refuse_a_request_without_its_required_fields()
    {
        var refused = false;
        try
        {
            await Open311Schemas.ShouldMatchAsync("""[{"service_request_id":"x","status":"pending"}]""", "requests.json");
        }
        catch (ShouldAssertException)
        {
            refused = true;
        }
        refused.ShouldBeTrue();
    }

    [Fact]
    public async Task Discovery_and_services_answer_without_a_key_in_both_formats()
    {
        var client = _district.Client(null);
        var services = await RequestsAsync("services.json", "services.json");
        services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ShouldBe(
            ["environment", "facilities", "property", "utilities", "safety", "dispute", "construction", "other"]);
        services[0].GetProperty("service_name").GetString().ShouldBe("环境卫生");
        services.EnumerateArray().All(s => s.GetProperty("metadata").GetBoolean() == false && s.GetProperty("type").GetString() == "realtime").ShouldBeTrue();

        var xml = await client.GetAsync("/open311/v2/services.xml");
        xml.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        var listed = Open311Schemas.ShouldBeXml(await xml.Content.ReadAsStringAsync(), "services").Elements("service").ToList();
        listed.Count.ShouldBe(8);
        listed[0].Element("service_code")!.Value.ShouldBe("environment");
        listed[0].Element("metadata")!.Value.ShouldBe("false");

        var discovery = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.json")).RootElement;
        discovery.GetProperty("endpoints")[0].GetProperty("specification").GetString().ShouldBe("http://wiki.open311.org/GeoReport_v2");
        var discoveryXml = Open311Schemas.ShouldBeXml(await client.GetStringAsync("/open311/v2/discovery.xml"), "discovery");
        discoveryXml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value).ShouldBe(["text/xml", "application/json"]);
    }

    [Fact]
    public async Task A_service_without_attributes_and_an_unknown_service_have_no_definition()
    {
        var client = _district.Client(null);
        await ShouldBeErrorAsync(await client.GetAsync("/open311/v2/services/environment.json"), HttpStatusCode.NotFound);
        await ShouldBeErrorAsync(await client.GetAsync("/open311/v2/services/environment.xml"), HttpStatusCode.NotFound, "xml");
        await ShouldBeErrorAsync(await client.GetAsync("/open311/v2/services/potholes.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_filed_through_Open311_is_the_grid_problem_the_console_shows()
    {
        var point = CompoundPoint("nanshanlu", "c002");
        var id = await FileAsync(point, "小区门口井盖缺失");
        id.ShouldStartWith("nanshanlu.g003.p");

        var problem = await (await _district.Client().GetAsync($"/api/problems/{id}")).JsonAsync();
        problem.GetProperty("description").GetString().ShouldBe("小区门口井盖缺失");
        problem.GetProperty("source").GetString().ShouldBe("resident");
        problem.GetProperty("position").GetProperty("latitude").GetDouble().ShouldBe(point.Y, 1e-9);

        var request = (await RequestsAsync($"requests/{id}.json?api_key={_nanshanlu}"))[0];
        request.GetProperty("service_request_id").GetString().ShouldBe(id);
        request.GetProperty("status").GetString().ShouldBe("open");
        request.GetProperty("service_code").GetString().ShouldBe("environment");
        request.GetProperty("agency_responsible").GetString().ShouldBe(problem.GetProperty("assignedTo").GetString());
        request.GetProperty("expected_datetime").ValueKind.ShouldBe(JsonValueKind.Null);
        request.GetProperty("long").GetDouble().ShouldBe(point.X, 1e-9);

        var xml = await _district.Client(null).GetStringAsync($"/open311/v2/requests/{id}.xml?api_key={_nanshanlu}&jurisdiction_id=nanshanlu");
        var element = Open311Schemas.ShouldBeXml(xml, "service_requests").Element("request")!;
        element.Element("service_request_id")!.Value.ShouldBe(id);
        element.Element("description")!.Value.ShouldBe("小区门口井盖缺失");

        var filedXml = await PostAsync(Filing(_nanshanlu, point), "xml");
        filedXml.StatusCode.ShouldBe(HttpStatusCode.OK);
        Open311Schemas.ShouldBeXml(await filedXml.Content.ReadAsStringAsync(), "service_requests").Element("request")!.Element("service_request_id")!.Value
            .ShouldStartWith("nanshanlu.g003.p");
    }

    [Fact]
    public async Task A_JSON_body_files_like_the_form_with_the_key_in_the_query()
    {
        var point = CompoundPoint("nanshanlu", "c002");
        var response = await _district.Client(null).PostAsJsonAsync($"/open311/v2/requests.json?api_key={_nanshanlu}",
            new { jurisdiction_id = "nanshanlu", service_code = "safety", lat = point.Y, @long = point.X, description = "消防通道被占" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        var request = (await RequestsAsync($"requests/{id}.json?api_key={_nanshanlu}"))[0];
        request.GetProperty("service_code").GetString().ShouldBe("safety");
        request.GetProperty("description").GetString().ShouldBe("消防通道被占");
    }

    [Fact]
    public async Task A_point_from_a_Chinese_map_app_files_with_crs_gcj02_and_a_description_may_hold_4000_characters()
    {
        var point = CompoundPoint("nanshanlu", "c002");
        var (gcjLat, gcjLon) = ChinaCoordinates.Wgs84ToGcj02(point.Y, point.X);
        var form = Filing(_nanshanlu, new Point(gcjLon, gcjLat));
        form["crs"] = "gcj02";
        form["description"] = new string('井', TextRules.MaxReport);
        var response = await PostAsync(form);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        id.ShouldStartWith("nanshanlu.g003.p");

        var request = (await RequestsAsync($"requests/{id}.json?api_key={_nanshanlu}"))[0];
        request.GetProperty("description").GetString()!.Length.ShouldBe(4000);
        // Kept in WGS-84: the compound's own point.
        request.GetProperty("lat").GetDouble().ShouldBe(point.Y, 1e-7);
        request.GetProperty("long").GetDouble().ShouldBe(point.X, 1e-7);

        // The same GCJ-02 numbers read as WGS-84 land some 500 m away, or in no grid at all.
        form.Remove("crs");
        var asWgs = await PostAsync(form);
        var placedElsewhere = asWgs.StatusCode == HttpStatusCode.BadRequest
            || !JsonDocument.Parse(await asWgs.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!.StartsWith("nanshanlu.g003.p");
        placedElsewhere.ShouldBeTrue();
    }

    [Fact]
    public async Task A_step_taken_in_the_console_shows_in_Open311()
    {
        var id = await FileAsync(CompoundPoint("nanshanlu", "c002"));
        var console = _district.Client(_nanshanlu);
        (await console.PostAsync($"/api/problems/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = (await RequestsAsync($"requests/{id}.json?api_key={_nanshanlu}"))[0];
        accepted.GetProperty("status").GetString().ShouldBe("open");
        accepted.GetProperty("status_notes").GetString()!.ShouldContain("已受理");

        (await console.PostAsync($"/api/problems/{id}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await console.PostAsJsonAsync($"/api/problems/{id}/resolve", new { resolution = "已清运" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = (await RequestsAsync($"requests/{id}.json?api_key={_nanshanlu}"))[0];
        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("status_notes").GetString()!.ShouldContain("已清运");
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&status=closed")).EnumerateArray()
            .Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([id]);
    }

    [Fact]
    public async Task Requests_are_listed_by_id_service_status_and_dates()
    {
        var point = CompoundPoint("nanshanlu", "c002");
        var litter = await FileAsync(point);
        var form = Filing(_nanshanlu, point, "facilities");
        var lamp = JsonDocument.Parse(await (await PostAsync(form)).Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var all = await RequestsAsync($"requests.json?api_key={_nanshanlu}&jurisdiction_id=nanshanlu");
        all.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([lamp, litter], ignoreOrder: true);
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&service_code=facilities")).EnumerateArray()
            .Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([lamp]);
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&service_request_id={litter},nanshanlu.g003.p99999")).EnumerateArray()
            .Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([litter]);
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&status=closed")).GetArrayLength().ShouldBe(0);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&start_date={today.AddDays(-1):yyyy-MM-dd}&end_date={today.AddDays(1):yyyy-MM-dd}")).GetArrayLength().ShouldBe(2);
        (await RequestsAsync($"requests.json?api_key={_nanshanlu}&end_date={today.AddDays(-30):yyyy-MM-dd}")).GetArrayLength().ShouldBe(0);

        var xml = Open311Schemas.ShouldBeXml(await _district.Client(null).GetStringAsync($"/open311/v2/requests.xml?api_key={_nanshanlu}"), "service_requests");
        xml.Elements("request").Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_read_cut_short_by_its_budget_yields_the_streets_newest_problems_not_one_grids_past()
    {
        async Task<string> FileInAsync(string grid, int n)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems")
            {
                Content = JsonContent.Create(new { category = "environment", description = $"预算事项 {n}", location = "5号楼" }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return (await (await _district.Client().SendAsync(request)).JsonAsync()).GetProperty("id").GetString()!;
        }
        var since = DateTimeOffset.UtcNow;
        // g001 comes first in grid order and files first; then g002 files five and g003 one, the street's six newest.
        for (var n = 0; n < 5; n++)
            await FileInAsync("shangzhan.g001", n);
        var newer = new List<string>();
        for (var n = 0; n < 5; n++)
            newer.Add(await FileInAsync("shangzhan.g002", n));
        newer.Add(await FileInAsync("shangzhan.g003", 0));
        newer.Reverse();

        var grids = new[] { "shangzhan.g001", "shangzhan.g002", "shangzhan.g003" };
        var grains = _district.Host.App.Services.GetRequiredService<IGrainFactory>();
        async Task<List<string>> ReadAsync(int budget)
        {
            var read = new List<string>();
            await foreach (var problem in new StreetProblemsNewestFirst(grains, since, budget, firstPage: 2).ReadAsync(grids))
                read.Add(problem.Id);
            return read;
        }

        // First pages of two: g001's two, g002's two, g003's one, five read in all. Past a budget of three, the read stops
        // where g002 would need its next page: g003's one and g002's newest two, the street's three newest.
        (await ReadAsync(budget: 3)).ShouldBe(newer.Take(3));
        var all = await ReadAsync(budget: 100);
        all.Count.ShouldBe(11);
        all.Take(6).ShouldBe(newer);
        all.Skip(6).All(id => id.StartsWith("shangzhan.g001.p", StringComparison.Ordinal)).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_filings_get_the_specs_errors_and_file_nothing()
    {
        var inside = CompoundPoint("nanshanlu", "c002");
        var before = (await ProblemsInAsync("nanshanlu"), await ProblemsInAsync("shangzhan"));
        var addressOnly = Filing(_nanshanlu, null);
        addressOnly["address_string"] = "南山路 12 号";
        var tooLong = Filing(_nanshanlu, inside);
        tooLong["description"] = new string('垃', 4001);
        var badUrl = Filing(_nanshanlu, inside);
        badUrl["media_url"] = "javascript:alert(1)";
        var cases = new (Dictionary<string, string> Form, HttpStatusCode Status)[]
        {
            (Filing(_nanshanlu, inside, "potholes"), HttpStatusCode.BadRequest),
            (Filing(null, inside), HttpStatusCode.Forbidden),
            (Filing("not-a-token-at-all-0000000000000000000000", inside), HttpStatusCode.Forbidden),
            (Filing(_shangzhan, inside), HttpStatusCode.Forbidden),
            (Filing(_nanshanlu, FirstCompoundPoint("shangzhan")), HttpStatusCode.BadRequest),
            (Filing(_nanshanlu, new Point(116.397, 39.909)), HttpStatusCode.BadRequest),
            (Filing(_nanshanlu, inside, jurisdiction: "nowhere"), HttpStatusCode.Forbidden),
            (addressOnly, HttpStatusCode.BadRequest),
            (tooLong, HttpStatusCode.BadRequest),
            (badUrl, HttpStatusCode.BadRequest),
        };
        foreach (var (form, status) in cases)
        {
            await ShouldBeErrorAsync(await PostAsync(form), status);
            await ShouldBeErrorAsync(await PostAsync(form, "xml"), status, "xml");
        }
        await ShouldBeErrorAsync(await _district.Client(null).PostAsync("/open311/v2/requests.json",
            new FormUrlEncodedContent(Filing(InProcessDistrict.AdminToken, inside, jurisdiction: "nowhere"))), HttpStatusCode.NotFound);
        (await ProblemsInAsync("nanshanlu"), await ProblemsInAsync("shangzhan")).ShouldBe(before);
    }

    [Fact]
    public async Task Reading_requests_needs_a_key_of_the_street_and_well_formed_dates()
    {
        var client = _district.Client(null);
        await ShouldBeErrorAsync(await client.GetAsync("/open311/v2/requests.json?jurisdiction_id=nanshanlu"), HttpStatusCode.Forbidden);
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={_shangzhan}&jurisdiction_id=nanshanlu"), HttpStatusCode.Forbidden);
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests/nanshanlu.g003.p00001.xml?api_key={_shangzhan}"), HttpStatusCode.Forbidden, "xml");
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests/nanshanlu.g003.p99999.json?api_key={_nanshanlu}"), HttpStatusCode.NotFound);
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={_nanshanlu}&start_date=2026-01-01&end_date=2026-06-01"), HttpStatusCode.BadRequest);
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests.xml?api_key={_nanshanlu}&start_date=yesterday"), HttpStatusCode.BadRequest, "xml");
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={_nanshanlu}&status=pending"), HttpStatusCode.BadRequest);
        await ShouldBeErrorAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={_nanshanlu}&service_code=potholes"), HttpStatusCode.BadRequest);
    }
}
