using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Web;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// The dispatch centre's console in a real browser: a case reported while the board is open appears on it (and in its export); the centre verifies
/// and assigns it through its page and sees the history grow (live, too, when the case moves elsewhere); the department it is
/// assigned to sees it with its deadline and reports progress; a hotline file's records each show their outcome; the district
/// overview has the month's ranking as a table; a department gets a 403 page for the centre's pages.
/// </summary>
public sealed class DispatchConsoleBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private HttpClient _api = null!;
    private Person _centre = null!;
    private Person _water = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        _api = _district.Client();
        var admins = await _district.AdministratorsAsync();
        _centre = await _district.PersonAsync(admins, "ddzx-zhang", "调度中心 张敏", "dispatch-staff", "district");
        _water = await _district.PersonAsync(admins, "water-liu", "供水公司 刘洋", "department-staff", "department:water");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _district.DisposeAsync();
    }

    private ChromeDriver Browser(Person person, int width = 1366, int height = 768) => _district.Browser(person, width, height);

    private async Task<string> ReportAsync(string place)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
        {
            Content = JsonContent.Create(new { street = "nanshanlu", community = "heping", category = "utilities", description = $"{place}停水", place }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var created = await _api.SendAsync(request);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("caseId").GetString()!;
    }

    private async Task StepAsync(string caseId, string step, object body)
    {
        var answer = await _api.PostAsJsonAsync($"/api/dispatch/cases/{caseId}/{step}", body);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
    }

    private static int HistoryLength(IWebDriver browser) => browser.FindElements(By.CssSelector("#history li")).Count;

    private static void Submit(IWebDriver browser, string action) =>
        browser.FindElement(By.CssSelector($"main form[action$='/{action}'] button[type=submit]")).Click();

    [Fact]
    public async Task The_centre_sees_a_new_case_on_its_board_verifies_and_assigns_it_through_its_page_and_the_history_grows()
    {
        using var browser = Browser(_centre);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dispatch/board/all"));
        browser.WaitForText("导出 Excel");
        browser.WaitForLive();
        ((IJavaScriptExecutor)browser).ExecuteScript("window.notReloaded = true;");
        var caseId = await ReportAsync("和平街12号楼");
        browser.WaitUntil(() => browser.FindElements(By.CssSelector($"#cases tr[data-row='{caseId}']")).Count == 1, "the new case on the board");
        ((IJavaScriptExecutor)browser).ExecuteScript("return window.notReloaded === true;").ShouldBe(true, "the board updated in place");
        browser.FindElement(By.CssSelector($"#cases tr[data-row='{caseId}']")).Text.ShouldContain("待核实");
        browser.Screenshot("dispatch-board-1366");

        var sheet = await _centre.Client.GetAsync(browser.FindElement(By.LinkText("导出 Excel")).GetAttribute("href")!);
        sheet.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var exported = MiniExcel.Query(await sheet.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        exported.Count.ShouldBe(1);
        (exported[0]["案件编号"], exported[0]["环节"]).ShouldBe((caseId, "待核实"));

        browser.FindElement(By.LinkText(caseId)).Click();
        browser.WaitForText("流转记录");
        browser.FindElement(By.TagName("h1")).Text.ShouldBe($"案件 {caseId}");
        HistoryLength(browser).ShouldBe(1);

        browser.FindElement(By.Id("f-findings")).SendKeys("12号楼入户管道破裂");
        Submit(browser, "verify");
        browser.WaitForText("请填写问题原因"); // the server's message beside the field; what was typed stays
        browser.FindElement(By.Id("f-findings")).GetAttribute("value").ShouldBe("12号楼入户管道破裂");
        browser.FindElement(By.Id("f-cause")).SendKeys("老旧管网");
        Submit(browser, "verify");
        browser.WaitUntil(() => HistoryLength(browser) == 2, "the verification in the history");
        browser.FindElement(By.CssSelector("[data-figure=step]")).Text.ShouldContain("待会商");

        browser.FindElement(By.CssSelector("#f-lead option[value=water]")).Click();
        browser.FindElement(By.CssSelector("input[name=assisting][value=water]")).Click();
        Submit(browser, "deliberate");
        browser.WaitForText("未能提交"); // the case grain's refusal, readably, and nothing changed
        HistoryLength(browser).ShouldBe(2);
        browser.FindElement(By.CssSelector("input[name=assisting][value=water]")).Selected.ShouldBeTrue("what was ticked stays");
        browser.FindElement(By.CssSelector("input[name=assisting][value=water]")).Click();
        browser.FindElement(By.CssSelector("input[name=assisting][value=housing]")).Click();
        Submit(browser, "deliberate");
        browser.WaitUntil(() => HistoryLength(browser) == 3, "the assignment in the history");
        browser.FindElement(By.Id("case-facts")).Text.ShouldContain("阳泉市供水公司");

        browser.WaitForLive();
        ((IJavaScriptExecutor)browser).ExecuteScript("window.notReloaded = true;");
        await StepAsync(caseId, "coordinate", new { units = new[] { "water", "housing" }, note = "现场协调抢修" });
        browser.WaitUntil(() => HistoryLength(browser) == 4, "the coordination in the history, live");
        ((IJavaScriptExecutor)browser).ExecuteScript("return window.notReloaded === true;").ShouldBe(true, "the case page updated in place");
        browser.FindElement(By.Id("history")).Text.ShouldContain("综合协调");
        browser.Screenshot("dispatch-case-1366");
    }

    [Fact]
    public async Task A_department_sees_its_case_with_its_deadline_and_reports_progress()
    {
        var caseId = await ReportAsync("和平街3号楼");
        await StepAsync(caseId, "verify", new { findings = "3号楼主管道渗漏", cause = "老旧管网" });
        await StepAsync(caseId, "deliberate", new { lead = "water", assisting = Array.Empty<string>() });
        var deadline = (await (await _api.GetAsync($"/api/dispatch/cases/{caseId}")).JsonAsync()).GetProperty("deadline").GetDateTimeOffset();

        using var browser = Browser(_water);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dispatch/unit"));
        browser.WaitForText(caseId);
        var row = browser.FindElement(By.CssSelector($"#cases tr[data-row='{caseId}']")).Text;
        row.ShouldContain(ChineseFormat.DateTime(deadline));
        row.ShouldContain("已交办");
        browser.FindElement(By.TagName("h1")).Text.ShouldContain("阳泉市供水公司");
        browser.Screenshot("dispatch-department-cases");

        browser.FindElement(By.LinkText(caseId)).Click();
        browser.WaitForText("流转记录");
        browser.FindElements(By.CssSelector("main form[action$='/verify']")).Count.ShouldBe(0, "a department takes no step of the centre's");
        browser.FindElement(By.Id("f-progressNote")).SendKeys("抢修队已进场");
        Submit(browser, "progress");
        browser.WaitUntil(() => HistoryLength(browser) == 4, "the progress report in the history");
        browser.FindElement(By.CssSelector("[data-figure=step]")).Text.ShouldContain("办理中");
        browser.Screenshot("dispatch-department-case");
    }

    [Fact]
    public void A_hotline_file_is_imported_and_each_record_shows_its_outcome()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "12345.csv");
        var id = "H-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(file, "id,receivedAt,street,community,category,description,location,compound\n"
            + $"{id},2026-11-20T10:00:00+08:00,nanshanlu,tiexi,environment,铁西小区垃圾清运不及时,铁西菜市场,\n"
            + $"{id}-bad,2026-11-20T11:00:00+08:00,nanshanlu,tiexi,weather,天气不好,铁西,\n");

        using var browser = Browser(_centre);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dispatch/hotline"));
        browser.WaitForText("上传工单文件");
        browser.FindElement(By.Id("f-file")).SendKeys(file);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        browser.WaitForText("导入结果");
        var rows = browser.FindElements(By.CssSelector("#hotline-results tbody tr")).Select(r => r.Text).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain(id);
        rows[0].ShouldContain("新建案件");
        rows[0].ShouldContain("dc");
        rows[1].ShouldContain("未导入");
        rows[1].ShouldContain("weather");
        browser.FindElement(By.CssSelector("main [role=status]")).Text.ShouldContain("新建案件 1 件");
        browser.Screenshot("dispatch-hotline-import");
    }

    [Fact]
    public async Task The_district_overview_has_the_months_ranking_as_a_table_beside_its_chart()
    {
        var units = (await (await _api.GetAsync("/api/dispatch/units")).JsonAsync()).GetArrayLength();
        units.ShouldBeGreaterThan(0);

        using var browser = Browser(_centre, 1366, 768);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/dispatch/overview"));
        browser.WaitForText("职能部门排名");
        browser.FindElements(By.CssSelector("#ranking tbody tr")).Count.ShouldBe(units);
        browser.FindElement(By.CssSelector("#ranking")).Text.ShouldContain("阳泉市供水公司");
        browser.FindElements(By.CssSelector("#streets tr[data-row='nanshanlu']")).Count.ShouldBe(1);
        browser.FindElement(By.CssSelector("#streets tr[data-row='nanshanlu']")).Text.ShouldContain("96");
        browser.WaitUntil(() => browser.FindElements(By.CssSelector("[data-chart=ranking-chart] canvas")).Count > 0, "the ranking chart drawn");
        browser.Screenshot("dispatch-overview-1366");

        using var screen = Browser(_centre, 1920, 1080);
        screen.Navigate().GoToUrl(new Uri(_district.Address, "/dispatch/screen"));
        screen.WaitForText("职能部门排名");
        screen.FindElement(By.TagName("body")).GetAttribute("class")!.ShouldContain("screen");
        screen.FindElements(By.CssSelector("nav.menu")).Count.ShouldBe(0, "the wall screen has no menu");
        screen.WaitUntil(() => screen.FindElements(By.CssSelector("[data-chart=screen-ranking-chart] canvas")).Count > 0, "the wall screen's chart drawn");
        screen.Screenshot("dispatch-screen-1920");
    }

    [Fact]
    public void A_department_gets_a_403_page_for_the_centres_pages()
    {
        using var browser = Browser(_water);
        foreach (var path in new[] { "/dispatch/board/all", "/dispatch/hotline", "/dispatch/overview" })
        {
            browser.Navigate().GoToUrl(new Uri(_district.Address, path));
            browser.WaitForText("无权访问");
            browser.FindElements(By.CssSelector("#cases, #hotline-results, #ranking")).Count.ShouldBe(0, path);
        }
        browser.FindElement(By.CssSelector("nav.menu")).Text.ShouldNotContain("调度台");
        browser.Screenshot("dispatch-403");
    }
}
