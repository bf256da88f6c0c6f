using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// Signing in to the console in a real browser: a new street operator's first sign-in changes the password and enrols a second
/// factor on the console's own pages; then a person of every role signs in through the form and lands on that role's home.
/// </summary>
public sealed class SignInConsoleBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private (Person System, Person Security) _admins;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        _admins = await _district.AdministratorsAsync();
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static void Type(IWebDriver browser, string id, string text)
    {
        var field = browser.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    private static void Submit(IWebDriver browser) => browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();

    private static void SignIn(IWebDriver browser, string login, string password, string? code)
    {
        Type(browser, "login", login);
        Type(browser, "password", password);
        if (code is not null)
            Type(browser, "code", code);
        Submit(browser);
    }

    [Fact]
    public async Task A_new_street_operator_changes_the_password_and_enrols_a_second_factor_in_the_console_on_first_sign_in()
    {
        var created = await _admins.System.Client.PostAsJsonAsync("/api/accounts", new { login = "nsl-new", displayName = "南山路 新同事" });
        var initial = (await created.JsonAsync()).GetProperty("initialPassword").GetString()!;
        (await _admins.Security.Client.PutAsJsonAsync("/api/accounts/nsl-new/grants", new { items = new[] { new { role = "street-operator", scope = "street:nanshanlu" } } }))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);

        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu"));
        browser.WaitForText("请使用本人账户登录");
        SignIn(browser, "nsl-new", initial, null);
        browser.WaitForText("首次登录或密码已过期,请先修改密码");
        new Uri(browser.Url).AbsolutePath.ShouldBe("/account/password");

        Type(browser, "f-current", initial);
        Type(browser, "f-next", People.NewPassword);
        Type(browser, "f-again", "Something-Else-1");
        Submit(browser);
        browser.WaitForText("两次输入的新密码不一致");
        browser.FindElement(By.Id("f-next")).GetAttribute("value").ShouldBe("", "a password never comes back in a page");

        Type(browser, "f-current", initial);
        Type(browser, "f-next", People.NewPassword);
        Type(browser, "f-again", People.NewPassword);
        Submit(browser);
        browser.WaitForText("密码已修改,请用新密码重新登录");
        SignIn(browser, "nsl-new", People.NewPassword, null);
        browser.WaitForText("您的角色须使用动态口令登录");
        Submit(browser);
        browser.WaitForText("请用身份验证器应用");
        var secret = browser.FindElement(By.CssSelector("main p code")).Text;
        browser.Screenshot("second-factor-enrol");
        Type(browser, "f-code", "000000");
        Submit(browser);
        browser.WaitForText("未能提交");
        Type(browser, "f-code", People.CodeAt(secret, DateTime.UtcNow));
        Submit(browser);
        browser.WaitForText("以下恢复码只显示这一次");
        browser.FindElements(By.CssSelector(".recovery-codes li")).Count.ShouldBe(10);

        browser.Navigate().GoToUrl(new Uri(_district.Address, "/login?return=%2Fstreets%2Fnanshanlu"));
        SignIn(browser, "nsl-new", People.NewPassword, People.CodeAt(secret, DateTime.UtcNow.AddSeconds(30)));
        browser.WaitForText("街道概况");
        new Uri(browser.Url).AbsolutePath.ShouldBe("/streets/nanshanlu", "back to the page first asked for");
    }

    /// <summary>Each role's home names the role and holds an entry only that kind of role sees.</summary>
    public static TheoryData<string, string, string, string> Roles => new()
    {
        { "dispatch-staff", "district", "调度中心", "各街道" },
        { "street-operator", "street:nanshanlu", "街道办", "网格列表" },
        { "community-worker", "community:nanshanlu.xinhuaxijie", "社区工作者", "街道概况" },
        { "grid-worker", "grid:nanshanlu.g001", "网格员", "我的网格" },
        { "department-staff", "department:water", "职能部门", "修改密码" },
        { "station-operator", "station:nanshanlu.wf01", "驿站", "街道概况" },
        { "resident-unit", "resident-unit:nanshanlu.u001", "驻区单位", "修改密码" },
    };

    [Fact]
    public async Task A_person_of_every_role_signs_in_through_the_form_and_sees_that_roles_home()
    {
        using var browser = HeadlessChromium.Start();
        var people = new List<(Person Person, string Title, string Entry)>
        {
            (_admins.System, "系统管理员", "各街道"),
            (_admins.Security, "安全管理员", "在线用户"),
            (await _district.AdministratorAsync("auditadmin"), "审计管理员", "操作日志"),
        };
        var n = 0;
        foreach (var row in Roles)
        {
            var (role, scope, title, entry) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            people.Add((await _district.PersonAsync(_admins, $"person{n++}", $"{title} 测试", role, scope), title, entry));
        }

        foreach (var (person, title, entry) in people)
        {
            browser.Manage().Cookies.DeleteAllCookies();
            browser.Navigate().GoToUrl(new Uri(_district.Address, "/"));
            browser.WaitForText("请使用本人账户登录");
            SignIn(browser, person.Login, person.Password, person.RecoveryCodes.FirstOrDefault());
            browser.WaitForText($"您的角色:{title}");
            var links = browser.FindElements(By.CssSelector("nav.menu a")).Select(a => a.Text).ToList();
            links.Contains(entry).ShouldBeTrue($"{title}'s menu: {string.Join(", ", links)}");
            browser.Screenshot($"home-{person.Login}");
        }
        browser.FindElement(By.CssSelector(".sign-out button")).Click();
        browser.WaitForText("请使用本人账户登录");
    }
}
