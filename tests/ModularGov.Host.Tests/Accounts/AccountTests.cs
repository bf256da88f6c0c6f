using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Accounts;

/// <summary>People's accounts end to end over HTTP: the first start's administrators, passwords, lockout, second factors, sessions and 三员.</summary>
public sealed class AccountTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    /// <summary>A new account made by the system administrator and granted by the security administrator; its one-time password.</summary>
    private async Task<string> NewAccountAsync(Person system, Person security, string login, string role, string scope)
    {
        var created = await system.Client.PostAsJsonAsync("/api/accounts", new { login, displayName = "张三" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var granted = await security.Client.PutAsJsonAsync($"/api/accounts/{login}/grants", new { items = new[] { new { role, scope } } });
        granted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await granted.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("initialPassword").GetString()!;
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response) => (await response.ShouldBeProblemAsync((int)response.StatusCode)).GetProperty("code").GetString()!;

    [Fact]
    public async Task The_first_start_leaves_three_administrators_whose_first_sign_in_changes_the_password_and_enrols_a_second_factor()
    {
        var file = Path.Combine(_district.DataDir, "first-start-accounts");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var passwords = People.FirstStartPasswords(_district.DataDir);
        passwords.Keys.Order().ShouldBe(["auditadmin", "secadmin", "sysadmin"]);

        var browser = People.Browser(_district.Address);
        (await (await browser.SignInAsync("sysadmin", passwords["sysadmin"])).JsonAsync()).GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        (await CodeOfAsync(await browser.GetAsync("/api/streets"))).ShouldBe("password-change-required");
        (await CodeOfAsync(await browser.PostAsJsonAsync("/api/account/password", new { current = passwords["sysadmin"], next = "short" }))).ShouldBe("bad-request");
        (await CodeOfAsync(await browser.PostAsJsonAsync("/api/account/password", new { current = passwords["sysadmin"], next = "alllowercaseletters" }))).ShouldBe("bad-request");
        (await browser.PostAsJsonAsync("/api/account/password", new { current = passwords["sysadmin"], next = People.NewPassword })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await browser.GetAsync("/api/account")).ShouldBeProblemAsync(401); // the change ended the session

        (await browser.SignInAsync("sysadmin", People.NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CodeOfAsync(await browser.GetAsync("/api/streets"))).ShouldBe("second-factor-required");
        var enrolment = await (await browser.PostAsync("/api/account/second-factor", null)).JsonAsync();
        enrolment.GetProperty("uri").GetString()!.ShouldStartWith("otpauth://totp/ModularGov%3Asysadmin?secret=");
        enrolment.GetProperty("qrCode").GetString()!.ShouldStartWith("data:image/svg+xml;base64,");
        var secret = enrolment.GetProperty("secret").GetString()!;
        (await CodeOfAsync(await browser.PostAsJsonAsync("/api/account/second-factor/confirm", new { value = "000000" }))).ShouldBe("bad-request");
        var confirmed = await browser.PostAsJsonAsync("/api/account/second-factor/confirm", new { value = People.CodeAt(secret, DateTime.UtcNow) });
        var recovery = (await confirmed.JsonAsync()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        recovery.Count.ShouldBe(10);

        (await CodeOfAsync(await browser.SignInAsync("sysadmin", People.NewPassword))).ShouldBe("second-factor-required");
        (await CodeOfAsync(await browser.SignInAsync("sysadmin", People.NewPassword, "123456"))).ShouldBe("second-factor-wrong");
        var code = People.CodeAt(secret, DateTime.UtcNow.AddSeconds(30));
        (await browser.SignInAsync("sysadmin", People.NewPassword, code)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CodeOfAsync(await People.Browser(_district.Address).SignInAsync("sysadmin", People.NewPassword, code))).ShouldBe("second-factor-wrong", "a code is used once");
        var other = People.Browser(_district.Address);
        (await other.SignInAsync("sysadmin", People.NewPassword, recovery[0])).StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code stands in for the app");
        (await CodeOfAsync(await People.Browser(_district.Address).SignInAsync("sysadmin", People.NewPassword, recovery[0]))).ShouldBe("second-factor-wrong", "and is used once");
        (await (await other.GetAsync("/api/account")).JsonAsync()).GetProperty("recoveryCodesLeft").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task Five_failures_lock_an_account_and_an_unknown_name_alike_until_the_security_admin_unlocks_it()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var security = await _district.AdministratorAsync("secadmin");
        var initial = await NewAccountAsync(system, security, "lisi", "community-worker", "community:nanshanlu.xinhuaxijie");
        var browser = People.Browser(_district.Address);

        var wrongForAccount = await (await browser.SignInAsync("lisi", "Wrong-Passw0rd")).ShouldBeProblemAsync(401);
        var wrongForNobody = await (await browser.SignInAsync("nobody", "Wrong-Passw0rd")).ShouldBeProblemAsync(401);
        wrongForNobody.GetProperty("detail").GetString().ShouldBe(wrongForAccount.GetProperty("detail").GetString());
        for (var i = 1; i < 4; i++)
        {
            await (await browser.SignInAsync("lisi", "Wrong-Passw0rd")).ShouldBeProblemAsync(401);
            await (await browser.SignInAsync("nobody", "Wrong-Passw0rd")).ShouldBeProblemAsync(401);
        }
        (await CodeOfAsync(await browser.SignInAsync("lisi", "Wrong-Passw0rd"))).ShouldBe("account-locked");
        (await CodeOfAsync(await browser.SignInAsync("nobody", "Wrong-Passw0rd"))).ShouldBe("account-locked");
        (await CodeOfAsync(await browser.SignInAsync("lisi", initial))).ShouldBe("account-locked", "the right password waits for the lock too");

        (await CodeOfAsync(await system.Client.PostAsync("/api/accounts/lisi/unlock", null))).ShouldBe("forbidden", "unlocking is the security administrator's");
        (await security.Client.PostAsync("/api/accounts/lisi/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var signedIn = await (await browser.SignInAsync("lisi", initial)).JsonAsync();
        signedIn.GetProperty("role").GetString().ShouldBe("community-worker");
        signedIn.GetProperty("mustEnrolSecondFactor").GetBoolean().ShouldBeFalse("a community worker approves nothing");
    }

    [Fact]
    public async Task A_new_password_may_not_be_one_of_the_last_five_and_a_disabled_account_says_so_only_to_its_password()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var security = await _district.AdministratorAsync("secadmin");
        var password = await NewAccountAsync(system, security, "wangwu", "grid-worker", "grid:nanshanlu.g001");
        var browser = People.Browser(_district.Address);
        var used = new List<string> { password };
        for (var i = 1; i <= 5; i++)
        {
            (await browser.SignInAsync("wangwu", used[^1])).StatusCode.ShouldBe(HttpStatusCode.OK);
            var next = $"Mima-{i}-Xin!";
            (await browser.PostAsJsonAsync("/api/account/password", new { current = used[^1], next })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            used.Add(next);
        }
        (await browser.SignInAsync("wangwu", used[^1])).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var recent in used[^5..])
        {
            var refused = await (await browser.PostAsJsonAsync("/api/account/password", new { current = used[^1], next = recent })).ShouldBeProblemAsync(400);
            refused.GetProperty("detail").GetString()!.ShouldContain("last 5");
        }
        (await browser.PostAsJsonAsync("/api/account/password", new { current = used[^1], next = used[0] })).StatusCode.ShouldBe(HttpStatusCode.NoContent, "the sixth back is allowed again");

        (await system.Client.PostAsync("/api/accounts/wangwu/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CodeOfAsync(await browser.SignInAsync("wangwu", "Wrong-Passw0rd"))).ShouldBe("sign-in-failed");
        (await CodeOfAsync(await browser.SignInAsync("wangwu", used[0]))).ShouldBe("account-disabled");
    }

    [Fact]
    public async Task The_three_administrators_are_refused_each_others_work_and_no_one_changes_their_own_grants()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var security = await _district.AdministratorAsync("secadmin");
        var audit = await _district.AdministratorAsync("auditadmin");

        await (await system.Client.PutAsJsonAsync("/api/accounts/secadmin/grants", new { items = Array.Empty<object>() })).ShouldBeProblemAsync(403);
        await (await system.Client.GetAsync("/api/audit")).ShouldBeProblemAsync(403);
        await (await system.Client.GetAsync("/api/sessions")).ShouldBeProblemAsync(403);
        await (await security.Client.PostAsJsonAsync("/api/accounts", new { login = "zhaoliu", displayName = "赵六" })).ShouldBeProblemAsync(403);
        await (await security.Client.GetAsync("/api/audit")).ShouldBeProblemAsync(403);
        await (await security.Client.GetAsync("/api/streets")).ShouldBeProblemAsync(403);
        await (await security.Client.PostAsync("/api/admin/backups", null)).ShouldBeProblemAsync(403);
        await (await audit.Client.GetAsync("/api/accounts")).ShouldBeProblemAsync(403);
        await (await audit.Client.PutAsJsonAsync("/api/accounts/sysadmin/grants", new { items = Array.Empty<object>() })).ShouldBeProblemAsync(403);

        var own = await (await security.Client.PutAsJsonAsync("/api/accounts/secadmin/grants", new { items = new[] { new { role = "district-admin", scope = "district" } } })).ShouldBeProblemAsync(403);
        own.GetProperty("detail").GetString()!.ShouldContain("own account");
        var both = await (await security.Client.PutAsJsonAsync("/api/accounts/auditadmin/grants",
            new { items = new[] { new { role = "audit-admin", scope = "district" }, new { role = "security-admin", scope = "district" } } })).ShouldBeProblemAsync(400);
        both.GetProperty("detail").GetString()!.ShouldContain("三员分立");
        foreach (var role in new[] { "security-admin", "audit-admin" })
            await (await _district.Client().PostAsJsonAsync("/api/tokens", new { role, scope = "district", label = "令牌" })).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task The_security_admin_sees_who_is_signed_in_and_ends_a_session_at_once()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var security = await _district.AdministratorAsync("secadmin");
        var online = await (await security.Client.GetAsync("/api/sessions")).JsonAsync();
        var sessions = online.EnumerateArray().Where(s => s.GetProperty("login").GetString() == "sysadmin").ToList();
        sessions.Count.ShouldBe(1, online.ToString());
        sessions[0].GetProperty("address").GetString().ShouldBe("127.0.0.1");

        (await system.Client.GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await security.Client.DeleteAsync($"/api/sessions/{sessions[0].GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await system.Client.GetAsync("/api/streets")).ShouldBeProblemAsync(401);
        var after = await (await security.Client.GetAsync("/api/sessions")).JsonAsync();
        after.EnumerateArray().Count(s => s.GetProperty("login").GetString() == "sysadmin").ShouldBe(0);

        (await security.Client.PostAsync("/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await security.Client.GetAsync("/api/sessions")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminates_tls_the_session_cookie_is_secure_and_elsewhere_the_header_is_not_believed()
    {
        await using var behindProxy = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Proxy:TrustedProxies:0"] = "127.0.0.1" });
        foreach (var (district, secure) in new[] { (behindProxy, true), (_district, false) })
        {
            using var client = new HttpClient { BaseAddress = district.Address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in")
            {
                Content = JsonContent.Create(new { login = "sysadmin", password = People.FirstStartPasswords(district.DataDir)["sysadmin"] }),
                Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "10.1.2.3" } },
            };
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            response.Headers.GetValues("Set-Cookie").Single().Contains("secure", StringComparison.OrdinalIgnoreCase).ShouldBe(secure);
        }
    }

    [Fact]
    public async Task Bad_sign_ins_are_clear_errors_and_each_attempt_leaves_one_sign_in_entry_with_the_browser()
    {
        var audit = await _district.AdministratorAsync("auditadmin");
        var before = (await (await audit.Client.GetAsync("/api/audit/verify")).JsonAsync()).GetProperty("lastSeq").GetInt64();
        var browser = People.Browser(_district.Address);
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");
        (await CodeOfAsync(await browser.SignInAsync(new string('a', 40), "whatever"))).ShouldBe("bad-request");
        (await CodeOfAsync(await browser.PostAsync("/auth/sign-in", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))).ShouldBe("bad-request");
        (await CodeOfAsync(await browser.SignInAsync("auditadmin", People.NewPassword, "999999"))).ShouldBe("second-factor-wrong");

        var (entries, _) = await audit.Client.AllPagesAsync($"/api/audit?after={before}&kind=sign-in", 1000);
        entries.Count.ShouldBe(3, string.Join("\n", entries));
        entries.All(e => e.GetProperty("browser").GetString() == "TestBrowser/1.0").ShouldBeTrue();
        entries.Select(e => e.GetProperty("outcome").GetString()).ShouldBe(["rejected", "rejected", "refused"]);
        entries[2].GetProperty("actor").GetString().ShouldBe("acct:auditadmin");
        entries[2].GetProperty("detail").GetString().ShouldBe("SecondFactorWrong");
        JsonSerializer.Serialize(entries).Contains(People.NewPassword).ShouldBeFalse("no password reaches the log");
    }
}
