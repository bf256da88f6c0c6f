using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The street's console in a real browser: Nanshanlu's street page lists its 96 grids; a problem filed on a grid worker's phone
/// shows on the street page open in another browser without a reload; another street's pages answer a 403 page; the grid table's
/// export holds the rows the page shows; the phone takes a problem's point from a tap on the grid's map or from the phone's
/// location, and the street's map draws its grids coloured by open problems with the problem as a point.
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

    private static void FileOnPhone(ChromeDriver phone, string description)
    {
        phone.FindElement(By.CssSelector("#f-category option[value=facilities]")).Click();
        phone.FindElement(By.Id("f-description")).SendKeys(description);
        phone.FindElement(By.Id("f-location")).SendKeys("3号楼东侧");
        phone.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        phone.WaitForText("流转记录");
    }

    private async Task<JsonElement> ProblemAsync(ChromeDriver phone)
    {
        var id = phone.FindElement(By.TagName("h1")).Text.Split(' ')[1];
        return await _district.Client().GetFromJsonAsync<JsonElement>($"/api/problems/{id}");
    }

    [Fact]
    public async Task A_point_tapped_on_the_grid_s_map_goes_with_the_problem_and_shows_on_the_street_s_map()
    {
        using var phone = _district.Browser(_gridWorker, 360, 740);
        phone.Navigate().GoToUrl(new Uri(_district.Address, "/grids/nanshanlu.g001"));
        phone.WaitForText("地图位置");
        var map = phone.FindElement(By.CssSelector("svg.point-pick"));
        new Actions(phone).MoveToElement(map.FindElement(By.TagName("path"))).Click().Perform();
        phone.WaitUntil(() => phone.FindElement(By.CssSelector("[data-point-text]")).Text.StartsWith("已选位置"), "the tapped point shown");
        phone.FindElements(By.CssSelector("svg.point-pick circle.picked")).Count.ShouldBe(1);
        phone.Screenshot("grid-phone-360-point-picked");
        FileOnPhone(phone, "路灯不亮(图上点选)");
        var problem = await ProblemAsync(phone);
        problem.GetProperty("position").ValueKind.ShouldBe(JsonValueKind.Object, "the point went with the problem");
        var position = problem.GetProperty("position");
        var located = await _district.Client().GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture,
            $"/api/geo/locate?latitude={position.GetProperty("latitude").GetDouble():R}&longitude={position.GetProperty("longitude").GetDouble():R}"));
        located.GetProperty("grid").GetString().ShouldBe("nanshanlu.g001");

        using var street = _district.Browser(_operator, 1366, 900);
        street.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu"));
        street.WaitForText("网格地图");
        street.FindElements(By.CssSelector("svg.grid-map a[data-grid] path")).Count.ShouldBe(96);
        // Other tests of this class file in g001 too: its band follows its open count (1–2 → band-1, 3–5 → band-2).
        var open = (await _district.Client().GetFromJsonAsync<JsonElement>("/api/grids/nanshanlu.g001")).GetProperty("problems").GetProperty("open").GetInt32();
        street.FindElement(By.CssSelector("svg.grid-map a[data-grid='nanshanlu.g001'] path")).GetAttribute("class").ShouldBe(open <= 2 ? "band-1" : "band-2");
        street.FindElement(By.CssSelector("svg.grid-map a[data-grid='nanshanlu.g002'] path")).GetAttribute("class").ShouldBe("band-0");
        street.FindElements(By.CssSelector($"svg.grid-map a[data-problem='{problem.GetProperty("id").GetString()}'] circle")).Count.ShouldBe(1);
        street.Screenshot("street-nanshanlu-map");
        new Actions(street).MoveToElement(street.FindElement(By.CssSelector("svg.grid-map a[data-grid='nanshanlu.g050'] path"))).Click().Perform();
        street.WaitUntil(() => street.Url.EndsWith("/grids/nanshanlu.g050", StringComparison.Ordinal), "the grid's page opened from the map");
    }

    [Fact]
    public async Task The_phone_s_location_fills_the_point()
    {
        using var phone = _district.Browser(_gridWorker, 360, 740);
        phone.Navigate().GoToUrl(new Uri(_district.Address, "/grids/nanshanlu.g001"));
        phone.WaitForText("地图位置");
        // 电厂宿舍 (c001), in g001: where the phone says it is.
        phone.ExecuteCdpCommand("Browser.grantPermissions", new Dictionary<string, object?> { ["permissions"] = new[] { "geolocation" } });
        phone.ExecuteCdpCommand("Emulation.setGeolocationOverride",
            new Dictionary<string, object?> { ["latitude"] = 37.8506649, ["longitude"] = 113.5751784, ["accuracy"] = 10 });
        phone.FindElement(By.CssSelector("[data-locate]")).Click();
        phone.WaitUntil(() => phone.FindElement(By.CssSelector("[data-point-text]")).Text == "已选位置 37.850665, 113.575178", "the phone's location shown");
        FileOnPhone(phone, "路灯不亮(手机定位)");
        var position = (await ProblemAsync(phone)).GetProperty("position");
        position.GetProperty("latitude").GetDouble().ShouldBe(37.8506649, 1e-7);
        position.GetProperty("longitude").GetDouble().ShouldBe(113.5751784, 1e-7);
    }
}
