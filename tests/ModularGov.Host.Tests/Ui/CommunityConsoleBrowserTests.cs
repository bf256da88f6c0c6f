using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Ui;

/// <summary>
/// 明责减负 and 物业分级 in a real browser: the community counter refuses the certificates a community must not issue and names
/// who issues them; the street sees its duty list and its burden before and after (chart and table); a community worker of one
/// street gets 403 pages for another street's communities; a table's export holds the rows the page shows; the district decides
/// duty list changes and tier changes on its pages.
/// </summary>
public sealed class CommunityConsoleBrowserTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private Person _counter = null!;
    private Person _operator = null!;
    private Person _districtAdmin = null!;
    private Person _civil = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        var admins = await _district.AdministratorsAsync();
        _counter = await _district.PersonAsync(admins, "xyqn-counter", "小阳泉南社区 刘洋", "community-worker", "community:shangzhan.xiaoyangquannan");
        _operator = await _district.PersonAsync(admins, "nsl-office", "南山路街道办 王芳", "street-operator", "street:nanshanlu");
        _districtAdmin = await _district.PersonAsync(admins, "qu-admin", "区级管理员 赵敏", "district-admin", "district");
        _civil = await _district.PersonAsync(admins, "civil-staff", "民政局 陈静", "department-staff", "department:civil");
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private ChromeDriver Browser(Person person, int width = 1366, int height = 768) => _district.Browser(person, width, height);

    private static List<List<string>> Rows(IWebDriver browser, string table) =>
        browser.FindElements(By.CssSelector($"#{table} tbody tr")).Select(r => r.FindElements(By.CssSelector("th, td")).Select(c => c.Text).ToList()).ToList();

    /// <summary>Types the resident's words at the counter and sends them; the answer is the section the page shows under the form.</summary>
    private static IWebElement Ask(IWebDriver browser, string words)
    {
        var field = browser.FindElement(By.Id("f-words"));
        field.Clear();
        field.SendKeys(words);
        browser.FindElement(By.CssSelector("main form.form button[type=submit]")).Click();
        browser.WaitUntil(() => browser.FindElements(By.Id("answer")).Count == 1 && browser.FindElement(By.Id("f-words")).GetAttribute("value") == words,
            $"the counter's answer to {words}");
        return browser.FindElement(By.Id("answer"));
    }

    [Fact]
    public async Task The_certificate_counter_refuses_income_and_parent_child_certificates_and_names_who_issues_each()
    {
        using var browser = Browser(_counter);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/certificates"));
        browser.WaitForText("居民要开什么证明");
        Rows(browser, "certificates").Count.ShouldBe(22, "the district works from a 22-item list");

        // 收入证明: a provincial addition the seed's examples imply; the worker's employer or the tax office issues it.
        var income = Ask(browser, "开收入证明");
        income.FindElement(By.TagName("h2")).Text.ShouldBe("社区不予出具");
        income.Text.ShouldContain("收入证明");
        var incomeAuthority = income.FindElement(By.CssSelector(".issued-by")).Text;
        incomeAuthority.ShouldContain("税务部门");
        incomeAuthority.ShouldBe(await IssuedByAsync("开收入证明"), "the page says what the API says");
        browser.Screenshot("certificate-counter-income");

        // 亲子关系: on the national first batch as 亲属关系证明; the police's household register (or a notary) proves it.
        var kinship = Ask(browser, "亲子关系证明");
        kinship.FindElement(By.TagName("h2")).Text.ShouldBe("社区不予出具");
        kinship.Text.ShouldContain("亲属关系证明");
        var kinshipAuthority = kinship.FindElement(By.CssSelector(".issued-by")).Text;
        kinshipAuthority.ShouldContain("公安机关");
        kinshipAuthority.ShouldBe(await IssuedByAsync("亲子关系证明"));
        browser.Screenshot("certificate-counter-kinship");

        var residence = Ask(browser, "居住证明");
        residence.FindElement(By.TagName("h2")).Text.ShouldBe("社区可按职责办理");
        residence.FindElements(By.CssSelector(".issued-by")).Count.ShouldBe(0);

        var refusals = Rows(browser, "certificates").Single(r => r[0] == "c22");
        int.Parse(refusals[^1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1, "the refusal was counted");
    }

    private async Task<string> IssuedByAsync(string words) =>
        (await (await _counter.Client.GetAsync("/api/certificates/check?q=" + Uri.EscapeDataString(words))).JsonAsync()).GetProperty("issuedBy").GetString()!;

    [Fact]
    public async Task The_street_sees_its_duty_list_and_the_burden_before_and_after_as_a_chart_with_its_table()
    {
        var list = await (await _operator.Client.GetAsync("/api/streets/nanshanlu/duties")).JsonAsync();
        var codes = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        codes.ShouldNotBeEmpty();

        using var browser = Browser(_operator);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu/duties"));
        browser.WaitForText("岗位目录");
        browser.FindElement(By.TagName("h1")).Text.ShouldBe($"南山路街道 · 权责清单 第{list.GetProperty("version").GetInt32()}版");
        Rows(browser, "duties").Select(r => r[0]).ShouldBe(codes.Take(100));
        browser.Screenshot("street-duty-list");

        var burden = await (await _operator.Client.GetAsync("/api/streets/nanshanlu/burden")).JsonAsync();
        var everHung = burden.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("plaquesBefore").GetInt32()).ToList();
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu/burden"));
        browser.WaitForText("减负前后对比");
        browser.FindElement(By.CssSelector("[data-figure=removed]")).Text.ShouldBe("98");
        browser.WaitUntil(() => browser.FindElements(By.CssSelector("[data-chart] canvas")).Count > 0, "ECharts to draw the chart");
        var figures = Rows(browser, "burden");
        figures.Select(r => r[0]).ShouldBe(["会议(次/周)", "报表(份/月)", "督查检查(次/月)", "陪同(次/月)", "挂牌(块)"]);
        var plaques = figures.Single(r => r[0] == "挂牌(块)");
        double.Parse(plaques[1], NumberStyles.Number, CultureInfo.InvariantCulture).ShouldBe(Math.Round(everHung.Average(), 2));
        Rows(browser, "communities").Count.ShouldBe(16);
        browser.Screenshot("street-burden-chart");
    }

    [Fact]
    public void A_community_worker_gets_a_403_page_for_another_streets_community_pages()
    {
        using var browser = Browser(_counter);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/communities/shangzhan.xiaoyangquannan"));
        browser.WaitForText("记录会议");
        browser.FindElement(By.TagName("h1")).Text.ShouldStartWith("小阳泉南社区");

        foreach (var path in new[] { "/communities/nanshanlu.xinhuaxijie", "/communities/nanshanlu.xinhuaxijie/plaques", "/streets/nanshanlu/duties", "/streets/nanshanlu/burden" })
        {
            browser.Navigate().GoToUrl(new Uri(_district.Address, path));
            browser.WaitForText("无权访问");
            browser.FindElement(By.TagName("h1")).Text.ShouldBe("无权访问", path);
            browser.FindElements(By.CssSelector("main form.form, #removed-plaques, #duties, #communities")).Count.ShouldBe(0, path);
        }
        browser.Screenshot("community-403");
    }

    [Fact]
    public async Task The_removed_plaques_export_holds_the_rows_the_page_shows()
    {
        using var browser = Browser(_operator, 1920, 1080);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/communities/nanshanlu.xinhuaxijie/plaques?sort=title&dir=desc"));
        browser.WaitForText("已清理牌子");
        var shown = Rows(browser, "removed-plaques");
        shown.Count.ShouldBeGreaterThan(30, "新华西街 went from 40+ plaques to 3 signs and 2 markers");
        Rows(browser, "current-plaques").Count.ShouldBe(5);
        var href = browser.FindElement(By.LinkText("导出 Excel")).GetAttribute("href")!;

        var response = await _operator.Client.GetAsync(href);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(shown.Count);
        rows[0].Keys.Take(3).ShouldBe(["编号", "类型", "名称"]);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i]["编号"].ShouldBe(shown[i][0]);
            rows[i]["名称"].ShouldBe(shown[i][2]);
            rows[i]["清理日期"].ShouldBe(shown[i][5]);
        }
        browser.Screenshot("plaques-removed-1920");
    }

    [Fact]
    public async Task The_district_admin_is_asked_why_before_rejecting_and_approves_a_tier_change_on_its_page()
    {
        var tiers = await (await _operator.Client.GetAsync("/api/streets/nanshanlu/tiers")).JsonAsync();
        var compound = tiers.GetProperty("compounds").EnumerateArray().First(c => c.GetProperty("tier").GetString() == "untiered").GetProperty("compound").GetString()!;
        var requested = await _operator.Client.PostAsJsonAsync($"/api/compounds/{compound}/tier-changes", new { tier = "fallback", reason = "老旧小区无物业,申请托底" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var changeId = (await requested.JsonAsync()).GetProperty("id").GetString()!;

        using var browser = Browser(_districtAdmin);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/tier-changes"));
        browser.WaitForText(changeId);
        IWebElement Change() => browser.FindElement(By.CssSelector($"article[data-row='{changeId}']"));
        Change().FindElement(By.CssSelector($"form[action='/tier-changes/{changeId}/reject'] button[type=submit]")).Click();
        browser.WaitForText("请填写驳回理由");
        browser.Screenshot("tier-change-reject-needs-reason");

        Change().FindElement(By.CssSelector($"form[action='/tier-changes/{changeId}/approve'] button[type=submit]")).Click();
        browser.WaitUntil(() => browser.FindElements(By.CssSelector($"article[data-row='{changeId}']")).Count == 0, "the approved change to leave the list");
        var tier = await (await _operator.Client.GetAsync($"/api/compounds/{compound}/tier")).JsonAsync();
        tier.GetProperty("tier").GetString().ShouldBe("fallback");

        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu/tiers?q=" + Uri.EscapeDataString(compound)));
        browser.WaitForText("小区与物业分级");
        var row = Rows(browser, "compounds").Single();
        row[7].ShouldBe("托底共享");
        browser.Screenshot("street-tiers-after-approval");
    }

    [Fact]
    public async Task The_district_admin_is_asked_why_before_rejecting_and_approves_a_duty_list_change_making_a_new_version()
    {
        var before = await (await _operator.Client.GetAsync("/api/streets/nanshanlu/duties")).JsonAsync();
        var post = before.GetProperty("posts")[0].GetProperty("code").GetString()!;
        var applied = await _operator.Client.PostAsJsonAsync("/api/streets/nanshanlu/duty-changes", new
        {
            action = "add",
            item = new { code = "b099", kind = "basic", title = "共享单车停放秩序劝导", category = "bikes", post, sample = false },
            reason = "居民反映集中,基层点单",
            assessor = "civil",
        });
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var changeId = (await applied.JsonAsync()).GetProperty("id").GetString()!;
        (await _civil.Client.PostAsJsonAsync($"/api/duty-changes/{changeId}/assess", new { favourable = true, assessment = "可承接" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var browser = Browser(_districtAdmin);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/duty-changes"));
        browser.WaitForText(changeId);
        IWebElement Change() => browser.FindElement(By.CssSelector($"article[data-row='{changeId}']"));
        Change().FindElement(By.CssSelector($"form[action='/duty-changes/{changeId}/reject'] button[type=submit]")).Click();
        browser.WaitForText("请填写不予批准的理由");

        Change().FindElement(By.CssSelector($"form[action='/duty-changes/{changeId}/approve'] textarea")).SendKeys("《城区村(社区)工作事项准入办法》第五条");
        Change().FindElement(By.CssSelector($"form[action='/duty-changes/{changeId}/approve'] button[type=submit]")).Click();
        browser.WaitUntil(() => browser.FindElements(By.CssSelector($"article[data-row='{changeId}']")).Count == 0, "the approved change to leave the list");
        browser.Screenshot("duty-changes-after-approval");

        var version = before.GetProperty("version").GetInt32() + 1;
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/streets/nanshanlu/duties"));
        browser.WaitForText("岗位目录");
        browser.FindElement(By.TagName("h1")).Text.ShouldBe($"南山路街道 · 权责清单 第{version}版");
        browser.FindElement(By.Id("diff")).Text.ShouldContain("新增:b099 共享单车停放秩序劝导");
        Rows(browser, "duties").Count(r => r[0] == "b099").ShouldBe(1);
        browser.Screenshot("street-duty-list-new-version");
    }

    [Fact]
    public async Task A_community_records_a_meeting_on_its_ledger_and_a_second_one_that_week_is_refused_with_the_rule()
    {
        using var browser = Browser(_counter);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/communities/shangzhan.xiaoyangquannan"));
        browser.WaitForText("记录会议");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        void Send(string title)
        {
            var form = browser.FindElement(By.CssSelector("form[action='/communities/shangzhan.xiaoyangquannan/meetings']"));
            ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].value = arguments[1];", form.FindElement(By.Id("f-meetingDate")), today);
            form.FindElement(By.Id("f-meetingTitle")).Clear();
            form.FindElement(By.Id("f-meetingTitle")).SendKeys(title);
            form.FindElement(By.Id("f-convenedBy")).Clear();
            form.FindElement(By.Id("f-convenedBy")).SendKeys("上站街道办");
            form.FindElement(By.CssSelector("button[type=submit]")).Click();
        }

        Send("");
        browser.WaitForText("请填写会议名称");
        browser.FindElement(By.Id("f-convenedBy")).GetAttribute("value").ShouldBe("上站街道办", "what was typed stays");

        Send("周例会");
        browser.WaitForText("会议已记录");
        var after = (await (await _counter.Client.GetAsync("/api/communities/shangzhan.xiaoyangquannan/burden")).JsonAsync()).GetProperty("meetingsPerWeekAfter").GetDouble();
        after.ShouldBeGreaterThan(0);
        Rows(browser, "burden").Single(r => r[0] == "会议(次/周)")[2].ShouldBe(after.ToString("#,0.##", CultureInfo.InvariantCulture));

        Send("临时加开的会");
        browser.WaitForText("未能提交");
        browser.FindElement(By.CssSelector("main .error[role=alert]")).Text.ShouldContain("7天内至多1次");
        browser.FindElement(By.Id("f-meetingTitle")).GetAttribute("value").ShouldBe("临时加开的会");
        browser.Screenshot("community-ledger-meeting-refused");
    }

    [Fact]
    public void Every_menu_entry_opens_a_page_for_the_role_that_sees_it()
    {
        foreach (var (person, name) in new[] { (_counter, "community"), (_operator, "street"), (_districtAdmin, "district") })
        {
            using var browser = Browser(person);
            browser.Navigate().GoToUrl(_district.Address);
            browser.WaitForText("可以打开的页面");
            var links = browser.FindElements(By.CssSelector("nav.menu a")).Select(a => a.GetAttribute("href")!).ToList();
            links.ShouldNotBeEmpty(name);
            foreach (var link in links)
            {
                browser.Navigate().GoToUrl(link);
                browser.WaitUntil(() => browser.FindElements(By.TagName("h1")).Count == 1, $"{link} to show a page");
                browser.FindElement(By.TagName("h1")).Text.ShouldNotBeOneOf(["无权访问", "页面不存在", "请求无效", "出错了"], $"{name}: {link}");
            }
            browser.Screenshot($"menu-{name}");
        }
    }

    [Fact]
    public void A_plaque_comes_down_only_by_whoever_hung_it_and_no_fourth_sign_goes_up()
    {
        using var browser = Browser(_operator);
        browser.Navigate().GoToUrl(new Uri(_district.Address, "/communities/nanshanlu.xinhuaxijie/plaques"));
        browser.WaitForText("现挂牌子");
        var removedBefore = Rows(browser, "removed-plaques").Count;
        void Remove(string code)
        {
            browser.FindElement(By.CssSelector($"#f-plaque option[value={code}]")).Click();
            browser.FindElement(By.CssSelector("form[action='/communities/nanshanlu.xinhuaxijie/plaques/remove'] button[type=submit]")).Click();
        }

        Remove("pl0004"); // 党员先锋岗, hung by the community itself
        browser.WaitForText("谁悬挂谁清理");
        Rows(browser, "current-plaques").Count.ShouldBe(5);

        Remove("pl0001"); // hung by the street office, which is who asks
        browser.WaitUntil(() => Rows(browser, "current-plaques").Count == 4, "the street's own plaque to come down");
        Rows(browser, "removed-plaques").Count.ShouldBe(removedBefore + 1);

        void Hang(string title)
        {
            browser.FindElement(By.CssSelector("#f-kind option[value=sign]")).Click();
            browser.FindElement(By.Id("f-title")).SendKeys(title);
            browser.FindElement(By.CssSelector("form[action='/communities/nanshanlu.xinhuaxijie/plaques'] button[type=submit]")).Click();
        }
        Hang("社区党群服务中心");
        browser.WaitUntil(() => Rows(browser, "current-plaques").Count == 5, "the third sign to go up");
        Hang("又一块牌子");
        browser.WaitForText("3标牌2标识");
        browser.FindElement(By.Id("f-title")).GetAttribute("value").ShouldBe("又一块牌子");
        Rows(browser, "current-plaques").Count.ShouldBe(5);
        browser.Screenshot("plaques-fourth-sign-refused");
    }
}

