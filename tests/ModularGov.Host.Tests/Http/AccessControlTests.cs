using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>Every /api endpoint needs a token; a street token sees only its street; the dashboard is the district admin's.</summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private async Task<string> IssueAsync(string role, string scope, string? asToken = InProcessDistrict.AdminToken)
    {
        var response = await _district.Client(asToken).PostAsJsonAsync("/api/tokens", new { role, scope, label = $"{role} for {scope}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task A_missing_or_wrong_token_is_401(string? authorization)
    {
        var client = _district.Client(token: null);
        foreach (var path in new[] { "/api/streets", "/api/streets/nanshanlu" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization is not null)
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(401);
            problem.GetProperty("title").GetString()!.ShouldContain("令牌");
        }
    }

    [Fact]
    public async Task A_nanshanlu_street_token_gets_403_on_shangzhan_and_sees_only_its_street()
    {
        var nanshanlu = _district.Client(await IssueAsync("street-operator", "street:nanshanlu"));
        (await nanshanlu.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await nanshanlu.GetAsync("/api/streets/shangzhan")).ShouldBeProblemAsync(403);
        await (await nanshanlu.GetAsync("/api/streets/nosuch")).ShouldBeProblemAsync(403);
        var visible = await (await nanshanlu.GetAsync("/api/streets")).JsonAsync();
        visible.EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldBe(["nanshanlu"]);
    }

    [Fact]
    public async Task A_community_token_sees_its_street_and_a_department_token_sees_none()
    {
        var community = _district.Client(await IssueAsync("community-worker", "community:nanshanlu.xinhuaxijie"));
        (await community.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await community.GetAsync("/api/streets/yijing")).ShouldBeProblemAsync(403);

        var department = _district.Client(await IssueAsync("department-staff", "department:water"));
        (await (await department.GetAsync("/api/streets")).JsonAsync()).GetArrayLength().ShouldBe(0);
        await (await department.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task A_street_operator_issues_tokens_below_it_inside_its_street_only()
    {
        var street = await IssueAsync("street-operator", "street:nanshanlu");
        var grid = await IssueAsync("grid-worker", "grid:nanshanlu.g017", asToken: street);
        (await _district.Client(grid).GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var outside = await _district.Client(street).PostAsJsonAsync("/api/tokens", new { role = "grid-worker", scope = "grid:shangzhan.g001", label = "x" });
        await outside.ShouldBeProblemAsync(403);
        var upward = await _district.Client(street).PostAsJsonAsync("/api/tokens", new { role = "district-admin", scope = "district", label = "x" });
        await upward.ShouldBeProblemAsync(403);
        var sameRole = await _district.Client(street).PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "x" });
        await sameRole.ShouldBeProblemAsync(403);
        var fromGrid = await _district.Client(grid).PostAsJsonAsync("/api/tokens", new { role = "grid-worker", scope = "grid:nanshanlu.g017", label = "x" });
        await fromGrid.ShouldBeProblemAsync(403);
    }

    [Theory]
    [InlineData("root", "district", "role 'root' is not one of")]
    [InlineData("street-operator", "district", "needs a Street scope")]
    [InlineData("street-operator", "street:nosuch", "street 'nosuch' is not served")]
    [InlineData("community-worker", "community:nanshanlu.nosuch", "does not exist in street 'nanshanlu'")]
    [InlineData("grid-worker", "grid:G1", "must be '<street>.<id>'")]
    public async Task Invalid_token_requests_are_400_and_name_the_fault(string role, string scope, string fault)
    {
        var response = await _district.Client().PostAsJsonAsync("/api/tokens", new { role, scope, label = "x" });
        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("detail").GetString()!.ShouldContain(fault);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _district.Client().PostAsync("/api/tokens", new StringContent("{\"role\": ", System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_a_400_problem_and_an_oversized_body_a_413()
    {
        var wrongType = await _district.Client().PostAsync("/api/tokens",
            new StringContent("{\"role\": 7, \"scope\": [\"district\"]}", System.Text.Encoding.UTF8, "application/json"));
        await wrongType.ShouldBeProblemAsync(400);

        using var oversized = new HttpRequestMessage(HttpMethod.Post, "/api/tokens")
        {
            Content = JsonContent.Create(new { role = "district-admin", scope = "district", label = new string('长', 600_000) }), // 1.8 MB of UTF-8
        };
        oversized.Headers.ExpectContinue = true; // answered from the declared length, before the body is sent
        await (await _district.Client().SendAsync(oversized)).ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task A_revoked_token_is_401_from_then_on()
    {
        var issued = await (await _district.Client().PostAsJsonAsync("/api/tokens",
            new { role = "station-operator", scope = "station:nanshanlu.weifeng01", label = "微蜂驿站" })).JsonAsync();
        var token = issued.GetProperty("token").GetString()!;
        var station = _district.Client(token);
        (await station.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await station.DeleteAsync($"/api/tokens/{issued.GetProperty("tokenId").GetString()}")).ShouldBeProblemAsync(403);
        (await _district.Client().DeleteAsync($"/api/tokens/{issued.GetProperty("tokenId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await station.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(401);
        await (await _district.Client().DeleteAsync("/api/tokens/0000000000000000")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task The_dashboard_is_for_the_district_admin_only()
    {
        await (await _district.Client(token: null).GetAsync("/dashboard/")).ShouldBeProblemAsync(401);
        var streetToken = await IssueAsync("street-operator", "street:nanshanlu");
        await (await _district.Client(streetToken).GetAsync("/dashboard/")).ShouldBeProblemAsync(403);
        (await _district.Client().GetAsync("/dashboard/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _district.Client().GetAsync("/dashboard/SiloCounters/nanshanlu")).ShouldBeProblemAsync(404);
        await (await _district.Client(streetToken).GetAsync("/dashboard/SiloCounters/nanshanlu")).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task A_session_cookie_is_httponly_and_strict_opens_the_dashboard_for_the_system_admin_and_changes_nothing_from_another_site()
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _district.Address };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var challenged = await browser.GetAsync("/dashboard/");
        challenged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        challenged.Headers.Location!.ToString().ShouldBe("/login?return=%2Fdashboard%2F");
        (await browser.GetStringAsync("/login")).ShouldContain("动态口令");

        var admin = await _district.AdministratorAsync("sysadmin");
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent([new("login", "sysadmin"), new("password", admin.Password), new("code", admin.RecoveryCodes[0])]));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        foreach (var attribute in new[] { "httponly", "samesite=strict", "path=/" })
            cookie.ShouldContain(attribute);
        cookie.Contains("expires", StringComparison.OrdinalIgnoreCase).ShouldBeFalse("the browser forgets it when closed; the server ends it sooner");
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        (await browser.GetAsync("/dashboard/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        browser.DefaultRequestHeaders.Accept.Clear();
        (await browser.GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK, "a session reads the API as its person");
        var grant = new { role = "grid-worker", scope = "grid:nanshanlu.g001", label = "网格员" };
        (await (await browser.PostAsJsonAsync("/api/tokens", grant)).ShouldBeProblemAsync(403)).GetProperty("code").GetString().ShouldBe("cross-site");
        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(grant), Headers = { { "Origin", "https://evil.example" } } };
        (await (await browser.SendAsync(fromElsewhere)).ShouldBeProblemAsync(403)).GetProperty("code").GetString().ShouldBe("cross-site");
        using var fromHere = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(grant), Headers = { { "Origin", _district.Address.GetLeftPart(UriPartial.Authority) } } };
        (await browser.SendAsync(fromHere)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
