using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The district admin in a real browser: the dashboard sends an unsigned browser to the sign-in page, a wrong token
/// is refused there, the right one opens the Orleans dashboard with live figures, and the cookie opens nothing else.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private void SignIn(IWebDriver browser, string token)
    {
        var field = browser.FindElement(By.Id("token"));
        field.Clear();
        field.SendKeys(token);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
    }

    [Fact]
    public void The_admin_signs_in_in_a_browser_and_sees_the_live_dashboard_but_the_cookie_does_not_open_the_api()
    {
        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dashboard/"));
        browser.WaitForText("区级管理员登录");
        new Uri(browser.Url).AbsolutePath.ShouldBe("/login");

        SignIn(browser, "not-a-token");
        browser.WaitForText("令牌无效或已吊销");

        SignIn(browser, InProcessDistrict.AdminToken);
        browser.WaitForText("ACTIVE SILOS\n1"); // the overview's live figure (the dashboard shows its labels in capitals)
        new Uri(browser.Url).AbsolutePath.ShouldStartWith("/dashboard");
        browser.Title.ShouldBe("Orleans Dashboard");

        browser.Navigate().GoToUrl(new Uri(_district.Address, "/api/streets"));
        browser.WaitForText("\"status\":401");
    }
}
