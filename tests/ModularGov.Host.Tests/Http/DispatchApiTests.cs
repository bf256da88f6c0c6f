using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>The joint dispatch centre over HTTP: intake, steps, hotline import, rankings, under access control.</summary>
public sealed class DispatchApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private async Task<HttpClient> ClientAsync(string role, string scope) => fixture.Client(await fixture.TokenAsync(role, scope));

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private static object Report(string street, string community, string place, string category = "facilities") =>
        new { street, community, category, description = $"{place}反复出现问题", place };

    [Fact]
    public async Task A_community_reports_a_case_and_every_step_follows_to_its_rating()
    {
        var community = await ClientAsync("community-worker", "community:beidajie.donggou");
        var centre = await ClientAsync("dispatch-staff", "district");
        var water = await ClientAsync("department-staff", "department:water");

        var created = await ReportAsync(community, Report("beidajie", "donggou", "东沟1984小区主管道"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var caseId = (await created.JsonAsync()).GetProperty("caseId").GetString()!;

        await (await water.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/progress", new { note = "抢先" })).ShouldBeProblemAsync(403);
        await (await community.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/verify", new { findings = "x", cause = "y" })).ShouldBeProblemAsync(403);
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/verify", new { findings = "主管道渗漏", cause = "老旧管网" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "nosuch" })).ShouldBeProblemAsync(400);
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "water", assisting = new[] { "housing" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await water.GetAsync($"/api/dispatch/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await water.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/progress", new { note = "已进场" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/confirm", new { note = "中心代为确认" })).ShouldBeProblemAsync(403);
        (await community.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/confirm", new { note = "居民确认恢复供水" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await community.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/evaluate", new { satisfaction = 9 })).ShouldBeProblemAsync(400);
        var rated = await (await community.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/evaluate", new { satisfaction = 5 })).JsonAsync();
        rated.GetProperty("step").GetString().ShouldBe("evaluated");
        rated.GetProperty("onTime").GetBoolean().ShouldBeTrue();
        rated.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString())
            .ShouldBe(["receive", "verify", "deliberate", "progress", "confirm-closure", "evaluate"]);
    }

    [Fact]
    public async Task A_department_sees_only_its_cases_and_a_street_only_its_streets()
    {
        var nanshanlu = await ClientAsync("street-operator", "street:nanshanlu");
        var yijing = await ClientAsync("street-operator", "street:yijing");
        var centre = await ClientAsync("dispatch-staff", "district");
        var caseId = (await (await ReportAsync(nanshanlu, Report("nanshanlu", "heping", "和平街路灯"))).JsonAsync()).GetProperty("caseId").GetString()!;

        await (await ReportAsync(yijing, Report("nanshanlu", "heping", "越权上报"))).ShouldBeProblemAsync(403);
        await (await yijing.GetAsync($"/api/dispatch/cases/{caseId}")).ShouldBeProblemAsync(403);
        (await (await yijing.GetAsync("/api/dispatch/cases")).JsonAsync()).EnumerateArray().Count(c => c.GetProperty("id").GetString() == caseId).ShouldBe(0);
        (await (await nanshanlu.GetAsync("/api/dispatch/cases")).JsonAsync()).EnumerateArray().Count(c => c.GetProperty("id").GetString() == caseId).ShouldBe(1);

        var gas = await ClientAsync("department-staff", "department:gas");
        await (await gas.GetAsync($"/api/dispatch/cases/{caseId}")).ShouldBeProblemAsync(403);
        await (await centre.GetAsync("/api/dispatch/cases/dc2026-99999")).ShouldBeProblemAsync(404);
        await (await nanshanlu.GetAsync("/api/dispatch/classes")).ShouldBeProblemAsync(403);
        await (await nanshanlu.PostAsync("/api/dispatch/rankings/2026-01/close", null)).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task A_second_appeal_and_a_step_out_of_order_are_refused_and_change_nothing()
    {
        var centre = await ClientAsync("dispatch-staff", "district");
        var urban = await ClientAsync("department-staff", "department:urban");
        var caseId = (await (await ReportAsync(centre, Report("shangzhan", "zhanqian", "站前广场"))).JsonAsync()).GetProperty("caseId").GetString()!;
        await (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "urban" })).ShouldBeProblemAsync(409);
        await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/verify", new { findings = "属实", cause = "占道" });
        await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "urban", assisting = new[] { "market" } });
        (await urban.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/appeal", new { reasons = "属市场监管职责" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await urban.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/appeal", new { reasons = "再申诉" })).ShouldBeProblemAsync(409);
        var history = (await (await centre.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync()).GetProperty("history").GetArrayLength();
        await (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/appeals/urban/decide", new { decision = "x" })).ShouldBeProblemAsync(400);
        var decided = await (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/appeals/urban/decide", new { upheld = true, newLead = "market", decision = "改由市场监管局主办" })).JsonAsync();
        decided.GetProperty("lead").GetString().ShouldBe("market");
        decided.GetProperty("history").GetArrayLength().ShouldBe(history + 1);
    }

    [Fact]
    public async Task Hotline_records_import_as_json_or_csv_each_on_its_own_and_idempotently()
    {
        var centre = await ClientAsync("dispatch-staff", "district");
        var json = JsonSerializer.Serialize(new object[]
        {
            new { id = "H-1001", receivedAt = "2026-11-20T10:00:00+08:00", street = "nanshanlu", community = "tiexi", category = "environment", description = "铁西小区垃圾清运不及时", location = "铁西菜市场" },
            new { id = "H-1002", receivedAt = "2026-11-20T11:00:00+08:00", street = "nanshanlu", community = "tiexi", category = "environment", description = "菜市场垃圾堆积", location = "铁西 菜市场" },
            new { id = "H-1003", receivedAt = "2026-11-20T12:00:00+08:00", street = "nosuch", community = "x", category = "environment", description = "x", location = "x" },
            new { id = "", receivedAt = "2026-11-20T12:00:00+08:00", street = "nanshanlu", community = "tiexi", category = "weather", description = "x", location = "x" },
        });
        var first = await (await centre.PostAsync("/api/dispatch/hotline", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync();
        (first.GetProperty("created").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("rejected").GetInt32()).ShouldBe((1, 1, 2));
        var again = await (await centre.PostAsync("/api/dispatch/hotline", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync();
        (again.GetProperty("created").GetInt32(), again.GetProperty("replayed").GetInt32()).ShouldBe((0, 2));

        var csv = "id,receivedAt,street,community,category,description,location,compound\n"
            + "H-2001,2026-11-21T09:00:00+08:00,yijing,hexia,utilities,\"河下村断路器损坏,全村停电\",河下村配电房,\n";
        var imported = await (await centre.PostAsync("/api/dispatch/hotline", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();
        imported.GetProperty("created").GetInt32().ShouldBe(1);
        var caseId = imported.GetProperty("records")[0].GetProperty("caseId").GetString()!;
        var hotlineCase = await (await centre.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync();
        hotlineCase.GetProperty("urgency").GetString().ShouldBe("utilities");
        hotlineCase.GetProperty("description").GetString().ShouldBe("河下村断路器损坏,全村停电");

        await (await centre.PostAsync("/api/dispatch/hotline", new StringContent("not,a,header\n1,2,3", Encoding.UTF8, "text/csv"))).ShouldBeProblemAsync(400);
        await (await centre.PostAsync("/api/dispatch/hotline", new StringContent("[{\"id\": ", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(400);
        var street = await ClientAsync("street-operator", "street:nanshanlu");
        await (await street.PostAsync("/api/dispatch/hotline", new StringContent(json, Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task The_monthly_ranking_lists_every_unit_and_ranks_only_those_with_enough_cases()
    {
        var ranking = await (await fixture.Client().GetAsync("/api/dispatch/rankings/2026-11")).JsonAsync();
        ranking.GetProperty("minimumCases").GetInt32().ShouldBe(3);
        var units = ranking.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe((await (await fixture.Client().GetAsync("/api/dispatch/units")).JsonAsync()).GetArrayLength());
        units.Where(u => u.GetProperty("cases").GetInt32() < 3).ShouldAllBe(u => u.GetProperty("rank").ValueKind == JsonValueKind.Null);
        await (await fixture.Client().GetAsync("/api/dispatch/rankings/november")).ShouldBeProblemAsync(400);
        (await fixture.Client().GetAsync("/api/dispatch/sanctions?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
