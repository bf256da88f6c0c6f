using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The system administrator in a real browser: the dashboard sends an unsigned browser to the sign-in page, a wrong password
/// is refused there, the account's password and second factor open the Orleans dashboard with live figures, and the same
/// session reads the API as that person.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static void SignIn(IWebDriver browser, string login, string password, string code)
    {
        foreach (var (id, value) in new[] { ("login", login), ("password", password), ("code", code) })
        {
            var field = browser.FindElement(By.Id(id));
            field.Clear();
            field.SendKeys(value);
        }
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
    }

    [Fact]
    public async Task The_system_admin_signs_in_in_a_browser_with_a_second_factor_and_sees_the_live_dashboard()
    {
        var admin = await _district.AdministratorAsync("sysadmin");
        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dashboard/"));
        browser.WaitForText("动态口令");
        new Uri(browser.Url).AbsolutePath.ShouldBe("/login");

        SignIn(browser, "sysadmin", "not-the-password", "");
        browser.WaitForText("用户名或密码错误");

        SignIn(browser, "sysadmin", admin.Password, admin.RecoveryCodes[0]);
        browser.WaitForText("ACTIVE SILOS\n1"); // the overview's live figure (the dashboard shows its labels in capitals)
        new Uri(browser.Url).AbsolutePath.ShouldStartWith("/dashboard");
        browser.Title.ShouldBe("Orleans Dashboard");

        browser.Navigate().GoToUrl(new Uri(_district.Address, "/api/account"));
        browser.WaitForText("\"login\":\"sysadmin\"");
    }
}
