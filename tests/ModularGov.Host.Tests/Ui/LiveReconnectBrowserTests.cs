using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// A live page that loses its host says so, and when the host is back (restarted on the same data and address) reconnects by
/// itself, says so, and shows what changed meanwhile without a reload.
/// </summary>
public sealed class LiveReconnectBrowserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<InProcessDistrict> StartAsync(int port) => InProcessDistrict.StartAsync(new Dictionary<string, string>
    {
        ["Storage:Provider"] = "LiteDb",
        ["urls"] = $"http://127.0.0.1:{port}",
        ["RateLimits:PermitsPerWindow"] = "1000000",
    }, dataDir: _folder.Path);

    [Fact]
    public async Task A_street_page_says_when_its_connection_is_lost_and_reconnects_when_the_host_is_back()
    {
        var port = FreePort.Next();
        var first = await StartAsync(port);
        Person office;
        using var browser = HeadlessChromium.Start();
        try
        {
            office = await first.PersonAsync(await first.AdministratorsAsync(), "nsl-office", "南山路街道办 王芳", "street-operator", "street:nanshanlu");
            browser.UseSession(first.Address, office);
            browser.Navigate().GoToUrl(new Uri(first.Address, "/streets/nanshanlu"));
            browser.WaitForText("街道概况");
            browser.WaitForLive();
            ((IJavaScriptExecutor)browser).ExecuteScript("window.notReloaded = true;");
        }
        finally
        {
            await first.DisposeAsync();
        }
        browser.WaitForText("实时连接已断开");
        browser.Screenshot("live-lost");

        await using var second = await StartAsync(port);
        using var admin = second.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grids/nanshanlu.g005/problems")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { category = "safety", description = "断线期间上报", location = "路口" }),
        };
        request.Headers.Add("Idempotency-Key", "while-away");
        (await admin.SendAsync(request)).EnsureSuccessStatusCode();

        browser.WaitForText("已重新连接", TimeSpan.FromSeconds(60));
        browser.WaitForLive();
        // The row's 未办结 cell (the eighth): the problem filed while the page was away.
        browser.WaitUntil(() => browser.FindElements(By.CssSelector("#grids tr[data-row='nanshanlu.g005'] th, #grids tr[data-row='nanshanlu.g005'] td"))[7].Text == "1",
            "the problem filed while away");
        ((IJavaScriptExecutor)browser).ExecuteScript("return window.notReloaded === true;").ShouldBe(true, "reconnected without a reload");
        browser.Screenshot("live-reconnected");
    }
}
