using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Tests.Http;

/// <summary>Grids, problems, stations and tiers over real HTTP, under access control.</summary>
public sealed class GridsApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private static object Problem(string description = "楼道堆放杂物", string category = "environment", string? compound = null) =>
        new { category, description, location = "5号楼1单元", compound };

    private static async Task<HttpResponseMessage> FileAsync(HttpClient client, string grid, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{grid}/problems") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private async Task<JsonElement> SummaryAsync(string street = "nanshanlu") =>
        await (await fixture.Client().GetAsync($"/api/streets/{street}/summary")).JsonAsync();

    private static int Total(JsonElement summary) => summary.GetProperty("problems").GetProperty("total").GetInt32();

    [Fact]
    public async Task The_nanshanlu_summary_gives_every_figure_of_the_divide()
    {
        var summary = await SummaryAsync();
        summary.GetProperty("compoundsBeforeMerge").GetInt32().ShouldBe(129);
        summary.GetProperty("compounds").GetInt32().ShouldBe(81);
        summary.GetProperty("grids").GetInt32().ShouldBe(96);
        summary.GetProperty("households").GetInt32().ShouldBe(34_977);
        var tiers = summary.GetProperty("tiers");
        (tiers.GetProperty("market").GetInt32(), tiers.GetProperty("fallback").GetInt32(), tiers.GetProperty("selfGoverned").GetInt32(), tiers.GetProperty("untiered").GetInt32())
            .ShouldBe((19, 34, 8, 20));
        foreach (var status in new[] { "filed", "accepted", "inProgress", "resolved", "escalated" })
            summary.GetProperty("problems").TryGetProperty(status, out _).ShouldBeTrue(status);
    }

    [Fact]
    public async Task The_weifeng_stations_show_595_reported_and_595_resolved()
    {
        var stations = await (await fixture.Client().GetAsync("/api/streets/nanshanlu/stations")).JsonAsync();
        var weifeng = stations.EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "微蜂驿站").ToList();
        weifeng.Sum(s => s.GetProperty("history").GetProperty("reported").GetInt32()).ShouldBe(595);
        weifeng.Sum(s => s.GetProperty("history").GetProperty("resolved").GetInt32()).ShouldBe(595);
        weifeng.Sum(s => s.GetProperty("reported").GetInt32()).ShouldBeGreaterThanOrEqualTo(595);
        stations.EnumerateArray().Count(s => s.GetProperty("kind").GetString() == "红骑驿站").ShouldBe(3);
    }

    [Fact]
    public async Task A_grids_problems_come_in_pages_linked_by_the_next_page_and_bad_paging_is_a_400()
    {
        var client = fixture.Client();
        var filed = new List<string>();
        for (var n = 1; n <= 5; n++)
            filed.Add((await (await FileAsync(client, "nanshanlu.g060", Problem($"分页事项 {n}"))).JsonAsync()).GetProperty("id").GetString()!);

        var (seen, pages) = await client.AllPagesAsync("/api/grids/nanshanlu.g060/problems?limit=2", 2);
        seen.Select(p => p.GetProperty("id").GetString()).ShouldBe(filed);
        pages.ShouldBe(3);

        var filedOnly = await (await client.GetAsync("/api/grids/nanshanlu.g060/problems?status=filed&after=3")).JsonAsync();
        filedOnly.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe(filed.Skip(3));
        foreach (var bad in new[] { "limit=0", "limit=1001", "limit=abc", "after=-1", "after=1e3" })
            (await client.GetAsync($"/api/grids/nanshanlu.g060/problems?{bad}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task The_grid_list_and_a_grids_live_snapshot()
    {
        var grids = await (await fixture.Client().GetAsync("/api/streets/nanshanlu/grids")).JsonAsync();
        grids.GetArrayLength().ShouldBe(96);
        grids.EnumerateArray().Sum(g => g.GetProperty("households").GetInt32()).ShouldBe(34_977);
        grids.EnumerateArray().Count(g => string.IsNullOrEmpty(g.GetProperty("worker").GetString())).ShouldBe(0);

        var snapshot = await (await fixture.Client().GetAsync("/api/grids/nanshanlu.g017")).JsonAsync();
        snapshot.GetProperty("id").GetString().ShouldBe("nanshanlu.g017");
        snapshot.GetProperty("households").GetInt32().ShouldBeInRange(300, 500);
        snapshot.GetProperty("microGridLeads").GetArrayLength().ShouldBeGreaterThan(0);
        snapshot.GetProperty("compounds").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Filing_is_201_with_the_id_a_retry_returns_the_same_id_and_the_summary_shows_it_at_once()
    {
        var before = Total(await SummaryAsync());
        var key = Guid.NewGuid().ToString("N");
        var created = await FileAsync(fixture.Client(), "nanshanlu.g020", Problem(), key);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        created.Headers.Location!.ToString().ShouldBe($"/api/problems/{id}");
        Total(await SummaryAsync()).ShouldBe(before + 1);

        var retried = await FileAsync(fixture.Client(), "nanshanlu.g020", Problem(), key);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        retried.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await retried.JsonAsync()).GetProperty("id").GetString().ShouldBe(id);

        await (await FileAsync(fixture.Client(), "nanshanlu.g020", Problem("另一件事"), key)).ShouldBeProblemAsync(409);
        Total(await SummaryAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Bad_input_gets_a_4xx_problem_and_writes_nothing()
    {
        var before = Total(await SummaryAsync());
        var admin = fixture.Client();
        await (await FileAsync(admin, "nanshanlu.g999", Problem())).ShouldBeProblemAsync(404);
        await (await FileAsync(admin, "nanshanlu.g021", new { category = "environment", location = "x" })).ShouldBeProblemAsync(400);
        await (await FileAsync(admin, "nanshanlu.g021", new { category = "weather", description = "x", location = "x" })).ShouldBeProblemAsync(400);
        await (await FileAsync(admin, "nanshanlu.g021", Problem(new string('长', TextRules.MaxReport + 1)))).ShouldBeProblemAsync(400);
        await (await FileAsync(admin, "nanshanlu.g021", Problem(compound: "c999"))).ShouldBeProblemAsync(400);

        var noKey = await admin.PostAsJsonAsync("/api/grids/nanshanlu.g021/problems", Problem());
        (await noKey.ShouldBeProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain("Idempotency-Key");
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/grids/nanshanlu.g021/problems")
        {
            Content = new StringContent("{\"category\": \"environment\", ", Encoding.UTF8, "application/json"),
        };
        malformed.Headers.Add("Idempotency-Key", "k-malformed");
        await (await admin.SendAsync(malformed)).ShouldBeProblemAsync(400);

        var shangzhan = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan"));
        await (await FileAsync(shangzhan, "nanshanlu.g021", Problem())).ShouldBeProblemAsync(403);
        await (await FileAsync(shangzhan, "nanshanlu.g999", Problem())).ShouldBeProblemAsync(403);
        var otherGrid = fixture.Client(await fixture.TokenAsync("grid-worker", "grid:nanshanlu.g022"));
        await (await FileAsync(otherGrid, "nanshanlu.g021", Problem())).ShouldBeProblemAsync(403);

        Total(await SummaryAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_street_token_sees_nothing_of_another_streets_grids()
    {
        var nanshanlu = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        foreach (var path in new[] { "/api/streets/shangzhan/summary", "/api/streets/shangzhan/grids", "/api/streets/shangzhan/stations",
                     "/api/streets/shangzhan/tiers", "/api/grids/shangzhan.g001", "/api/grids/shangzhan.g001/problems",
                     "/api/problems/shangzhan.g001.p00001", "/api/streets/shangzhan/escalations", "/api/compounds/shangzhan.m001/tier",
                     "/api/streets/shangzhan/compounds", "/api/streets/shangzhan/merge-plan/proposal" })
            await (await nanshanlu.GetAsync(path)).ShouldBeProblemAsync(403);
        (await nanshanlu.GetAsync("/api/streets/nanshanlu/summary")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_grid_worker_files_and_resolves_and_escalation_climbs_to_the_dispatch_centre()
    {
        var worker = fixture.Client(await fixture.TokenAsync("grid-worker", "grid:nanshanlu.g030"));
        var first = await (await FileAsync(worker, "nanshanlu.g030", Problem("路面塌陷"))).JsonAsync();
        var id = first.GetProperty("id").GetString()!;
        first.GetProperty("source").GetString().ShouldBe("gridWorker");
        await (await worker.PostAsync($"/api/problems/{id}/start", null)).ShouldBeProblemAsync(409);
        (await worker.PostAsync($"/api/problems/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await worker.PostAsync($"/api/problems/{id}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await worker.PostAsJsonAsync($"/api/problems/{id}/resolve", new { })).ShouldBeProblemAsync(400);
        var resolved = await (await worker.PostAsJsonAsync($"/api/problems/{id}/resolve", new { resolution = "已回填修复" })).JsonAsync();
        resolved.GetProperty("status").GetString().ShouldBe("resolved");
        resolved.GetProperty("history").GetArrayLength().ShouldBe(4);

        var hard = (await (await FileAsync(worker, "nanshanlu.g030", Problem("供水管网漏水,多户停水", "utilities"))).JsonAsync()).GetProperty("id").GetString()!;
        (await worker.PostAsJsonAsync($"/api/problems/{hard}/escalate", new { reason = "网格无法处置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await worker.PostAsync($"/api/problems/{hard}/accept", null)).ShouldBeProblemAsync(403);

        var community = fixture.Client(await fixture.TokenAsync("community-worker", $"community:nanshanlu.{await CommunityOfAsync("nanshanlu.g030")}"));
        (await community.PostAsJsonAsync($"/api/problems/{hard}/escalate", new { reason = "社区无权协调水务" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        var atCentre = await (await street.PostAsJsonAsync($"/api/problems/{hard}/escalate", new { reason = "提请市区联合调度" })).JsonAsync();
        atCentre.GetProperty("level").GetString().ShouldBe("dispatchCentre");

        var (escalations, _) = await street.AllPagesAsync("/api/streets/nanshanlu/escalations?limit=1", 1);
        var escalation = escalations.Single(e => e.GetProperty("problemId").GetString() == hard);
        escalation.GetProperty("takenAsCase").GetString().ShouldNotBeNullOrEmpty();
        escalation.GetProperty("refusedBecause").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await street.GetAsync("/api/streets/nanshanlu/escalations?limit=0")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_station_files_as_the_station_and_its_live_count_rises()
    {
        var before = await StationReportedAsync("wf03");
        var station = fixture.Client(await fixture.TokenAsync("station-operator", "station:nanshanlu.wf03"));
        var filed = await (await FileAsync(station, "nanshanlu.g040", Problem("快递柜旁积水"))).JsonAsync();
        filed.GetProperty("source").GetString().ShouldBe("station");
        filed.GetProperty("station").GetString().ShouldBe("wf03");
        (await StationReportedAsync("wf03")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_tier_changes_only_when_someone_else_approves_the_recorded_request()
    {
        var untiered = (await (await fixture.Client().GetAsync("/api/streets/nanshanlu/tiers")).JsonAsync())
            .GetProperty("compounds").EnumerateArray().First(c => c.GetProperty("tier").GetString() == "untiered");
        var compoundId = untiered.GetProperty("compound").GetString()!;
        var community = fixture.Client(await fixture.TokenAsync("community-worker", $"community:nanshanlu.{untiered.GetProperty("community").GetString()}"));
        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        var before = (await SummaryAsync()).GetProperty("tiers");

        await (await community.PostAsJsonAsync($"/api/compounds/{compoundId}/tier-changes", new { tier = "fallback" })).ShouldBeProblemAsync(400);
        var requested = await community.PostAsJsonAsync($"/api/compounds/{compoundId}/tier-changes", new { tier = "fallback", reason = "老旧小区无物业,申请托底" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created);
        var changeId = (await requested.JsonAsync()).GetProperty("id").GetString()!;
        await (await community.PostAsync($"/api/tier-changes/{changeId}/approve", null)).ShouldBeProblemAsync(403);
        (await SummaryAsync()).GetProperty("tiers").GetProperty("fallback").GetInt32().ShouldBe(before.GetProperty("fallback").GetInt32());

        var approved = await (await street.PostAsJsonAsync($"/api/tier-changes/{changeId}/approve", new { note = "同意" })).JsonAsync();
        approved.GetProperty("status").GetString().ShouldBe("approved");
        var after = (await SummaryAsync()).GetProperty("tiers");
        after.GetProperty("fallback").GetInt32().ShouldBe(before.GetProperty("fallback").GetInt32() + 1);
        after.GetProperty("untiered").GetInt32().ShouldBe(before.GetProperty("untiered").GetInt32() - 1);
        var tier = await (await street.GetAsync($"/api/compounds/{compoundId}/tier")).JsonAsync();
        tier.GetProperty("responsible").GetString()!.ShouldStartWith("洁诚物业");
        tier.GetProperty("decision").GetProperty("change").GetString().ShouldBe(changeId);
    }

    [Fact]
    public async Task The_merge_proposal_is_the_approved_81_and_a_draft_plan_is_checked()
    {
        var proposal = await (await fixture.Client().GetAsync("/api/streets/nanshanlu/merge-plan/proposal")).JsonAsync();
        proposal.GetProperty("compoundsBeforeMerge").GetInt32().ShouldBe(129);
        proposal.GetProperty("compounds").GetInt32().ShouldBe(81);
        proposal.GetProperty("matchesApprovedPlan").GetBoolean().ShouldBeTrue();
        var grids = await (await fixture.Client().GetAsync("/api/streets/nanshanlu/grid-plan/proposal")).JsonAsync();
        grids.GetProperty("grids").GetInt32().ShouldBe(96);
        grids.GetProperty("households").GetInt32().ShouldBe(34_977);
        grids.GetProperty("matchesApprovedPlan").GetBoolean().ShouldBeTrue();

        var check = await (await fixture.Client().PostAsJsonAsync("/api/streets/nanshanlu/merge-plan/check",
            new { compounds = new[] { new { code = "m001", name = "草案", community = "xinhuaxijie", members = new[] { "c001" } } } })).JsonAsync();
        check.GetProperty("valid").GetBoolean().ShouldBeFalse();
        check.GetProperty("problems").EnumerateArray().Count(p => p.GetString()!.EndsWith("is in no merged compound")).ShouldBe(128);
    }

    private async Task<int> StationReportedAsync(string code) =>
        (await (await fixture.Client().GetAsync("/api/streets/nanshanlu/stations")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == code).GetProperty("live").GetProperty("reported").GetInt32();

    private async Task<string> CommunityOfAsync(string grid) =>
        (await (await fixture.Client().GetAsync($"/api/grids/{grid}")).JsonAsync()).GetProperty("community").GetString()!;
}
