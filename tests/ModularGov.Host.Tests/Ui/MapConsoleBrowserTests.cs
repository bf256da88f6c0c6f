using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The map in a real browser: a grid worker's phone takes a problem's point from a tap on the grid's map or from the
/// phone's location; the street page draws its 96 grids from their shapes, coloured by open problems, the problem as a
/// point, and a grid opens its page.
/// </summary>
public sealed class MapConsoleBrowserTests : IAsyncLifetime
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
        street.FindElement(By.CssSelector("svg.grid-map a[data-grid='nanshanlu.g001'] path")).GetAttribute("class").ShouldBe("band-1");
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
