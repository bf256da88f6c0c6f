using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// A community's side of a case in the console: its cases listed, the closure confirmed and the case rated on the case page through
/// the API's own steps, a rating out of range refused beside its form, and another community's case a 403 page.
/// </summary>
public sealed class CommunityCaseFormTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [Fact]
    public async Task The_community_confirms_and_rates_its_case_in_the_console()
    {
        var admins = await _district.AdministratorsAsync();
        var community = await _district.PersonAsync(admins, "donggou", "东沟社区 刘洋", "community-worker", "community:beidajie.donggou");
        var other = await _district.PersonAsync(admins, "xinhua", "新华西街社区 陈静", "community-worker", "community:nanshanlu.xinhuaxijie");
        using var centre = _district.Client();
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
        {
            Content = JsonContent.Create(new { street = "beidajie", community = "donggou", category = "facilities", description = "主管道反复漏水", place = "东沟1984小区" }),
        };
        report.Headers.Add("Idempotency-Key", "community-case");
        var caseId = (await (await centre.SendAsync(report)).JsonAsync()).GetProperty("caseId").GetString()!;
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/verify", new { findings = "主管道渗漏", cause = "老旧管网" })).EnsureSuccessStatusCode();
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/deliberate", new { lead = "water" })).EnsureSuccessStatusCode();
        (await centre.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/progress", new { note = "已进场" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var water = await (await centre.PostAsJsonAsync("/api/tokens", new { role = "department-staff", scope = "department:water", label = "供水" })).JsonAsync();
        using var unit = _district.Client(water.GetProperty("token").GetString()!);
        (await unit.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/progress", new { note = "已进场" })).EnsureSuccessStatusCode();

        (await community.Client.GetStringAsync("/dispatch/local")).ShouldContain(caseId);
        var page = await community.Client.GetStringAsync($"/dispatch/cases/{caseId}");
        page.ShouldContain("确认办结");

        using var empty = await community.Client.PostAsync($"/dispatch/cases/{caseId}/confirm", Form(("confirmNote", "")));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请填写确认说明");
        (await community.Client.PostAsync($"/dispatch/cases/{caseId}/confirm", Form(("confirmNote", "居民确认恢复供水")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var outOfRange = await community.Client.PostAsync($"/dispatch/cases/{caseId}/evaluate", Form(("satisfaction", "9")));
        outOfRange.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outOfRange.Content.ReadAsStringAsync()).ShouldContain("satisfaction is a rating from 1 to 5");
        (await community.Client.PostAsync($"/dispatch/cases/{caseId}/evaluate", Form(("satisfaction", "5"), ("evaluateNote", "很及时")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rated = await (await centre.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync();
        rated.GetProperty("step").GetString().ShouldBe("evaluated");
        rated.GetProperty("satisfaction").GetInt32().ShouldBe(5);

        using var foreign = await other.Client.GetAsync($"/dispatch/cases/{caseId}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("无权访问");
    }
}
