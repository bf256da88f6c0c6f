using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Separation of duties: four-eyes rules compare the people behind tokens, only the originating community confirms and
/// rates a case, and a plaque records who really hung or took it down.
/// </summary>
public sealed class SeparationOfDutiesTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    [Fact]
    public async Task A_tier_change_is_not_approved_by_the_person_who_requested_it_on_another_token()
    {
        var untiered = (await (await fixture.Client().GetAsync("/api/streets/shangzhan/tiers")).JsonAsync())
            .GetProperty("compounds").EnumerateArray().First(c => c.GetProperty("tier").GetString() == "untiered");
        var compoundId = untiered.GetProperty("compound").GetString()!;
        var requester = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan", "上站街道 张三"));
        var samePerson = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan", "上站街道 张三"));
        var colleague = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan", "上站街道 李四"));

        var requested = await requester.PostAsJsonAsync($"/api/compounds/{compoundId}/tier-changes", new { tier = "fallback", reason = "无物业,申请托底" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var changeId = (await requested.JsonAsync()).GetProperty("id").GetString()!;
        await (await requester.PostAsJsonAsync($"/api/tier-changes/{changeId}/approve", new { note = "同意" })).ShouldBeProblemAsync(403);
        var refused = await (await samePerson.PostAsJsonAsync($"/api/tier-changes/{changeId}/approve", new { note = "同意" })).ShouldBeProblemAsync(403);
        refused.GetProperty("detail").GetString()!.ShouldContain("张三");
        var approved = await (await colleague.PostAsJsonAsync($"/api/tier-changes/{changeId}/approve", new { note = "同意" })).JsonAsync();
        approved.GetProperty("status").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task Only_the_originating_community_confirms_and_rates_a_case()
    {
        var origin = fixture.Client(await fixture.TokenAsync("community-worker", "community:yijing.hexia"));
        var neighbour = fixture.Client(await fixture.TokenAsync("community-worker", "community:yijing.dashui"));
        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var centre = fixture.Client(await fixture.TokenAsync("dispatch-staff", "district"));
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
        {
            Content = JsonContent.Create(new { street = "yijing", community = "hexia", category = "facilities", description = "路灯不亮", place = "河西路口" }),
            Headers = { { "Idempotency-Key", "separation-case" } },
        };
        var created = await origin.SendAsync(report);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var caseId = (await created.JsonAsync()).GetProperty("caseId").GetString()!;
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/verify", new { findings = "属实", cause = "线路老化" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "urban" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var urban = fixture.Client(await fixture.TokenAsync("department-staff", "department:urban"));
        (await urban.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/progress", new { note = "已修复" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var other in new[] { street, neighbour, centre })
            await (await other.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/confirm", new { note = "代为确认" })).ShouldBeProblemAsync(403);
        (await origin.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/confirm", new { note = "居民确认" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var other in new[] { street, neighbour, centre })
            await (await other.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/evaluate", new { satisfaction = 1 })).ShouldBeProblemAsync(403);
        await (await neighbour.GetAsync($"/api/dispatch/cases/{caseId}")).ShouldBeProblemAsync(403);
        var rated = await (await origin.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/evaluate", new { satisfaction = 5 })).JsonAsync();
        rated.GetProperty("satisfaction").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task A_plaque_records_the_body_of_the_token_that_hung_it_whatever_the_request_says()
    {
        var community = fixture.Client(await fixture.TokenAsync("community-worker", "community:beidajie.donggou"));
        var civil = fixture.Client(await fixture.TokenAsync("department-staff", "department:civil"));
        var register = await (await community.GetAsync("/api/communities/beidajie.donggou/plaques")).JsonAsync();
        var streetPlaque = register.GetProperty("plaques").EnumerateArray().First(p => p.GetProperty("hungBy").GetString() == "street").GetProperty("code").GetString()!;

        // A department claiming to be the street office cannot take the street's plaque down (谁悬挂谁清理).
        await (await civil.PostAsJsonAsync($"/api/communities/beidajie.donggou/plaques/{streetPlaque}/remove", new { removedBy = "street", campaign = "清牌" })).ShouldBeProblemAsync(403);
        var taken = await (await community.PostAsJsonAsync($"/api/communities/beidajie.donggou/plaques/{streetPlaque}/remove", new { removedBy = "street" })).ShouldBeProblemAsync(403);
        taken.GetProperty("detail").GetString()!.ShouldContain("谁悬挂谁清理");
    }
}
