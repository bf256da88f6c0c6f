using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>明责减负 over HTTP, under access control.</summary>
public sealed class DutiesApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    [Fact]
    public async Task The_counter_check_refuses_a_listed_certificate_names_who_issues_it_and_counts_the_refusal()
    {
        var counter = fixture.Client(await fixture.TokenAsync("community-worker", "community:shangzhan.xiaoyangquannan"));
        var before = (await (await counter.GetAsync("/api/certificates/refusals")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "c21").GetProperty("refusals").GetInt32();
        var check = await (await counter.GetAsync("/api/certificates/check?q=" + Uri.EscapeDataString("老人在家摔倒了,要开个摔倒证明"))).JsonAsync();
        check.GetProperty("refuse").GetBoolean().ShouldBeTrue();
        check.GetProperty("item").GetString().ShouldBe("意外伤害证明");
        check.GetProperty("issuedBy").GetString()!.ShouldContain("医疗机构");
        (await (await counter.GetAsync("/api/certificates/refusals")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "c21").GetProperty("refusals").GetInt32().ShouldBe(before + 1);
        var allowed = await (await counter.GetAsync("/api/certificates/check?q=" + Uri.EscapeDataString("居住证明"))).JsonAsync();
        allowed.GetProperty("refuse").GetBoolean().ShouldBeFalse();
        await (await counter.GetAsync("/api/certificates/check")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_department_pushes_a_task_down_and_a_task_off_the_list_is_refused_and_counted()
    {
        var civil = fixture.Client(await fixture.TokenAsync("department-staff", "department:civil"));
        var admitted = await (await civil.PostAsJsonAsync("/api/streets/beidajie/tasks", new { title = "特困人员年度复核", category = "welfare" })).JsonAsync();
        admitted.GetProperty("admitted").GetBoolean().ShouldBeTrue();
        admitted.GetProperty("department").GetString().ShouldBe("civil");
        var refused = await (await civil.PostAsJsonAsync("/api/streets/beidajie/tasks", new { title = "代收水费", category = "billing" })).JsonAsync();
        refused.GetProperty("admitted").GetBoolean().ShouldBeFalse();
        refused.GetProperty("reason").GetString()!.ShouldStartWith("清单之外无事项");

        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:beidajie"));
        var (tasks, pages) = await street.AllPagesAsync("/api/streets/beidajie/tasks?limit=1", 1);
        tasks.Select(t => t.GetProperty("id").GetString()).ShouldContain(admitted.GetProperty("id").GetString());
        tasks.Select(t => t.GetProperty("id").GetString()).ShouldContain(refused.GetProperty("id").GetString());
        pages.ShouldBe(tasks.Count);
        var counts = await (await street.GetAsync("/api/streets/beidajie/refusals")).JsonAsync();
        counts.EnumerateArray().Single(c => c.GetProperty("department").GetString() == "civil").GetProperty("refused").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        await (await street.PostAsJsonAsync("/api/streets/beidajie/tasks", new { title = "x", category = "welfare" })).ShouldBeProblemAsync(403);
        await (await civil.PostAsJsonAsync("/api/streets/nosuch/tasks", new { title = "x" })).ShouldBeProblemAsync(404);
        await (await civil.PostAsJsonAsync("/api/streets/beidajie/tasks", new { category = "welfare" })).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_list_change_needs_a_community_or_street_application_a_department_assessment_and_district_approval()
    {
        var community = fixture.Client(await fixture.TokenAsync("community-worker", "community:yijing.hexia"));
        var department = fixture.Client(await fixture.TokenAsync("department-staff", "department:agriculture"));
        var applied = await community.PostAsJsonAsync("/api/streets/yijing/duty-changes", new
        {
            action = "add",
            item = new { code = "b040", kind = "basic", title = "农村人居环境整治", category = "rural", post = "p04", sample = false },
            reason = "村民需求",
            assessor = "agriculture",
        });
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var changeId = (await applied.JsonAsync()).GetProperty("id").GetString()!;
        await (await community.PostAsJsonAsync($"/api/duty-changes/{changeId}/assess", new { favourable = true, assessment = "自评" })).ShouldBeProblemAsync(403);
        var water = fixture.Client(await fixture.TokenAsync("department-staff", "department:water"));
        await (await water.PostAsJsonAsync($"/api/duty-changes/{changeId}/assess", new { favourable = true, assessment = "不是问我的" })).ShouldBeProblemAsync(403);
        (await department.PostAsJsonAsync($"/api/duty-changes/{changeId}/assess", new { favourable = true, assessment = "可承接" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await department.PostAsJsonAsync($"/api/duty-changes/{changeId}/approve", new { legalBasis = "x" })).ShouldBeProblemAsync(403);
        var approved = await (await fixture.Client().PostAsJsonAsync($"/api/duty-changes/{changeId}/approve", new { legalBasis = "准入退出动态调整办法" })).JsonAsync();
        var version = approved.GetProperty("newVersion").GetInt32();
        var diff = await (await community.GetAsync($"/api/streets/yijing/duties/compare?from={version - 1}&to={version}")).JsonAsync();
        await (await community.GetAsync("/api/streets/yijing/duties/compare?from=1")).ShouldBeProblemAsync(400);
        diff.GetProperty("added").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["b040"]);
        var otherStreet = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        await (await otherStreet.GetAsync("/api/streets/yijing/duties")).ShouldBeProblemAsync(403);
        (await department.GetAsync("/api/streets/yijing/duties")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Plaques_and_the_burden_report_of_nanshanlu()
    {
        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        var plaques = await (await street.GetAsync("/api/streets/nanshanlu/plaques")).JsonAsync();
        plaques.GetProperty("removed").GetInt32().ShouldBe(98);
        var xinhua = await (await street.GetAsync("/api/communities/nanshanlu.xinhuaxijie/plaques")).JsonAsync();
        (xinhua.GetProperty("signs").GetInt32(), xinhua.GetProperty("markers").GetInt32()).ShouldBe((3, 2));
        var (removed, _) = await street.AllPagesAsync("/api/communities/nanshanlu.xinhuaxijie/plaques/removed?limit=10", 10);
        removed.Count.ShouldBe(xinhua.GetProperty("removed").GetInt32());
        removed.Count(p => p.GetProperty("removedOn").ValueKind == JsonValueKind.Null).ShouldBe(0);
        await (await street.PostAsJsonAsync("/api/communities/nanshanlu.xinhuaxijie/plaques", new { kind = "sign", title = "又一块牌子", hungBy = "street" })).ShouldBeProblemAsync(409);
        var burden = await (await street.GetAsync("/api/streets/nanshanlu/burden")).JsonAsync();
        burden.GetProperty("communities").GetArrayLength().ShouldBe(16);
        await (await street.GetAsync("/api/communities/shangzhan.zhanqian/burden")).ShouldBeProblemAsync(403);
        await (await street.PostAsJsonAsync("/api/communities/nanshanlu.nosuch/meetings", new { date = "2026-11-20", title = "x", convenedBy = "y" })).ShouldBeProblemAsync(404);
    }
}
