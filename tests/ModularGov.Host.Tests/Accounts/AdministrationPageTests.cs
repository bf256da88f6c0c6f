using System.Net;
using System.Text.RegularExpressions;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Accounts;

/// <summary>
/// 账户管理 and 在线用户 in the console (三员): the system administrator makes an account and sees its one-time password once, the
/// security administrator grants it a role and ends its session (强退); each is refused the other's buttons, nobody their own account.
/// </summary>
public sealed partial class AdministrationPageTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex(@"一次性密码:(\S+?)[(\uFF08]")]
    private static partial Regex OneTimePassword();

    [Fact]
    public async Task The_system_admin_makes_an_account_the_security_admin_grants_it_and_ends_its_session_and_neither_does_the_others_work()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var security = await _district.AdministratorAsync("secadmin");

        using var missing = await system.Client.PostAsync("/accounts", Form(("login", "zhangwei"), ("displayName", "")));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var kept = await missing.Content.ReadAsStringAsync();
        kept.ShouldContain("请填写姓名");
        kept.ShouldContain("value=\"zhangwei\"");

        var created = await (await system.Client.PostAsync("/accounts", Form(("login", "zhangwei"), ("displayName", "张伟")))).Content.ReadAsStringAsync();
        // The page is HTML: a "+" in the password arrives as "&#x2B;" (the encoder escapes it), as a browser would show it decoded.
        var password = System.Net.WebUtility.HtmlDecode(OneTimePassword().Match(created).Groups[1].Value);
        password.Length.ShouldBeGreaterThanOrEqualTo(12, created);
        (await system.Client.GetStringAsync("/accounts")).Contains(password).ShouldBeFalse("shown once, on the answer to the creation only");

        using var notForSystem = await system.Client.PostAsync("/accounts/zhangwei/grants", Form(("role", "grid-worker"), ("scope", "grid:nanshanlu.g001")));
        notForSystem.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var badScope = await security.Client.PostAsync("/accounts/zhangwei/grants", Form(("role", "grid-worker"), ("scope", "street:nanshanlu")));
        badScope.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badScope.Content.ReadAsStringAsync()).ShouldContain("未能完成");
        var granted = await (await security.Client.PostAsync("/accounts/zhangwei/grants", Form(("role", "grid-worker"), ("scope", "grid:nanshanlu.g001")))).Content.ReadAsStringAsync();
        granted.ShouldContain("网格员 grid:nanshanlu.g001");
        using var self = await security.Client.PostAsync("/accounts/secadmin/unlock", Form());
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var worker = await People.FirstSignInAsync(_district.Address, "zhangwei", password, needsSecondFactor: false);
        (await worker.Client.GetAsync("/grids/nanshanlu.g001")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sessions = await security.Client.GetStringAsync("/sessions");
        var id = Regex.Match(sessions, "data-row=\"zhangwei\">.*?/sessions/([0-9a-f]{64})/end", RegexOptions.Singleline).Groups[1].Value;
        id.Length.ShouldBe(64, sessions);
        (await (await security.Client.PostAsync($"/sessions/{id}/end", Form())).Content.ReadAsStringAsync()).ShouldContain("会话已强制退出");
        using var after = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _district.Address };
        after.DefaultRequestHeaders.Add("Cookie", $"modulargov_session={People.SessionOf(worker)}");
        (await after.GetAsync("/grids/nanshanlu.g001")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "强退 took effect at the next request");

        (await system.Client.GetAsync("/sessions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
