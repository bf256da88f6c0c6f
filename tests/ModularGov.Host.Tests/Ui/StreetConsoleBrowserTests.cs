using System.Net;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The street's console in a real browser: Nanshanlu's street page lists its 96 grids; a problem filed on a grid worker's phone
/// shows on the street page open in another browser without a reload; another street's pages answer a 403 page; the grid table's
/// export holds the rows the page shows.
/// </summary>
public sealed class StreetConsoleBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private Person _operator = null!;
    private Person _gridWorker = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        var admins = await _district.AdministratorsAsync();
        _operator = await _district.PersonAsync(admins, "nsl-office", "南山路街道办 王芳", "street-operator", "street:nanshanlu");
        _gridWorker = await _district.PersonAsync(admins, "nsl-g001", "网格员 李强", "grid-worker", "grid:nanshanlu.g001");
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private ChromeDriver Browser(Person person, int width = 1366, int height = 768) => _district.Browser(person, width, height);

    private static int GridRows(IWebDriver browser) => browser.FindElements(By.CssSelector("#grids tbody tr")).Count;

    [Fact]
    public void The_street_page_lists_96_grids_and_a_problem_filed_on_a_phone_shows_there_without_a_reload()
    {
        using var street = Browser(_operator, 1366, 768);
        street.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu"));
        street.WaitForText("南山路");
        GridRows(street).ShouldBe(96);
        street.FindElement(By.TagName("h1")).Text.ShouldContain("街道概况");
        street.WaitForLive();
        ((IJavaScriptExecutor)street).ExecuteScript("window.notReloaded = true;");
        var openBefore = street.FindElement(By.CssSelector("[data-figure=open]")).Text;
        street.Screenshot("street-nanshanlu-1366");

        using var phone = Browser(_gridWorker, 360, 740);
        phone.Navigate().GoToUrl(new Uri(_district.Address, "/grids/nanshanlu.g001"));
        phone.WaitForText("上报事项");
        phone.FindElement(By.Id("f-description")).SendKeys("3号楼东侧路灯不亮");
        phone.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        phone.WaitForText("请填写类别"); // the server's message beside the field; what was typed stays
        phone.FindElement(By.Id("f-description")).GetAttribute("value").ShouldBe("3号楼东侧路灯不亮");
        phone.FindElement(By.CssSelector("#f-category option[value=facilities]")).Click();
        phone.FindElement(By.Id("f-location")).SendKeys("3号楼东侧");
        phone.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        phone.WaitForText("流转记录");
        phone.FindElement(By.TagName("h1")).Text.ShouldStartWith("事项 nanshanlu.g001.p");
        phone.Screenshot("grid-phone-360-filed");

        street.WaitUntil(() => street.FindElement(By.CssSelector("[data-figure=open]")).Text != openBefore, "the street's open count to change");
        ((IJavaScriptExecutor)street).ExecuteScript("return window.notReloaded === true;").ShouldBe(true, "the page updated in place");
        street.FindElement(By.CssSelector("#grids tr[data-row='nanshanlu.g001']")).Text.ShouldContain("1");
        street.Screenshot("street-nanshanlu-after-filing");

        street.Navigate().Refresh();
        street.WaitUntil(() => street.FindElements(By.CssSelector("[data-chart=problems-by-month] canvas")).Count == 1, "the chart of problems by month drawn");
        street.FindElement(By.CssSelector("#problems-by-month-table tbody tr")).Text.ShouldEndWith(" 1");
        street.Screenshot("street-nanshanlu-problems-by-month");
    }

    [Fact]
    public void A_street_operator_gets_a_403_page_for_another_streets_pages()
    {
        using var browser = Browser(_operator, 1366, 768);
        foreach (var path in new[] { "/streets/shangzhan", "/streets/shangzhan/grids", "/grids/shangzhan.g001" })
        {
            browser.Navigate().GoToUrl(new Uri(_district.Address, path));
            browser.WaitForText("无权访问");
            browser.FindElements(By.CssSelector("#grids")).Count.ShouldBe(0, path);
        }
        browser.Screenshot("street-403");
    }

    [Fact]
    public async Task The_grid_tables_export_holds_the_rows_the_page_shows()
    {
        using var browser = Browser(_operator, 1920, 1080);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu/grids?sort=households&dir=desc"));
        browser.WaitForText("导出 Excel");
        var shown = browser.FindElements(By.CssSelector("#grids tbody tr")).Select(r => r.FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList()).ToList();
        var href = browser.FindElement(By.LinkText("导出 Excel")).GetAttribute("href")!;

        var response = await _operator.Client.GetAsync(href);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(shown.Count);
        rows[0].Keys.Take(3).ShouldBe(["网格编号", "网格名称", "所属社区"]);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i]["网格编号"].ShouldBe(shown[i][0]);
            Convert.ToInt32(rows[i]["户数"]).ToString("#,0").ShouldBe(shown[i][3]);
        }
        browser.Screenshot("grids-table-1920");
    }

    [Fact]
    public void Keyboard_users_skip_to_the_page_and_the_phone_pages_do_not_scroll_sideways()
    {
        using var desk = Browser(_operator, 1366, 768);
        desk.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu"));
        desk.WaitForText("街道概况");
        desk.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        desk.SwitchTo().ActiveElement().Text.ShouldBe("跳到正文");
        desk.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
        desk.SwitchTo().ActiveElement().GetAttribute("id").ShouldBe("main");

        using var phone = Browser(_gridWorker, 360, 740);
        foreach (var path in new[] { "/", "/grids/nanshanlu.g001" })
        {
            phone.Navigate().GoToUrl(new Uri(_district.Address, path));
            phone.WaitForText("网格员 李强");
            var sideways = (bool)((IJavaScriptExecutor)phone).ExecuteScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;")!;
            sideways.ShouldBeFalse($"{path} is wider than a 360 px phone");
        }
        phone.Screenshot("grid-phone-360");
    }
}
