using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Privacy;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Http;

/// <summary>The street's 人员与编制 page, a person's career page and the graduate coverage page, as a signed-in browser gets them.</summary>
public sealed class PersonnelPageTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private Person _office = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        _office = await _district.PersonAsync(await _district.AdministratorsAsync(), "nsl-hr", "南山路街道办 组织员", "street-operator", "street:nanshanlu");
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task The_street_page_shows_the_seed_s_staffing_and_promotions_and_the_roster_masked_on_the_page_and_in_its_spreadsheet()
    {
        var identity = "14030219851109002" + IdentityNumbers.CheckDigit("14030219851109002");
        (await _office.Client.PutAsJsonAsync("/api/people/nanshanlu.r0001/numbers", new { identityNumber = identity, phone = "13912345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await _office.Client.GetStringAsync("/streets/nanshanlu/personnel");
        page.ShouldContain("data-figure=\"staff\">36 → 52<");
        page.ShouldContain("data-figure=\"turnover\">3 / 3<");
        page.ShouldContain("data-figure=\"grid-to-community\">10<");
        page.ShouldContain("data-figure=\"selection\">4<");
        page.ShouldContain("data-figure=\"directed\">5<");
        page.ShouldContain("峰值 7 人");
        page.ShouldContain($"140***********{identity[^4..]}");
        page.Contains(identity).ShouldBeFalse("the page never shows a number whole");
        page.Contains("13912345678").ShouldBeFalse();

        using var export = await _office.Client.GetAsync("/streets/nanshanlu/personnel?format=xlsx&size=1000");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(276);
        var first = rows.Single(r => (string)r["编号"] == "nanshanlu.r0001");
        ((string)first["身份证号"], (string)first["手机号"]).ShouldBe(($"140***********{identity[^4..]}", "139****5678"));
    }

    [Fact]
    public async Task A_person_s_page_shows_each_move_and_the_graduate_page_the_district_s_coverage()
    {
        // r0009 is the first of the four committee heads 南山路 selected into public-institution posts (personnel.json).
        var page = await _office.Client.GetStringAsync("/people/nanshanlu.r0009");
        page.ShouldContain("data-figure=\"rung\">事业编制人员<");
        System.Text.RegularExpressions.Regex.Replace(page, @">\s+<", "><").ShouldContain("<td>社区工作者</td><td>事业编制人员</td><td>选聘</td><td>主任</td>");

        var graduates = await _office.Client.GetStringAsync("/graduates");
        graduates.ShouldContain("data-figure=\"recruited\">65<");
        graduates.ShouldContain("data-figure=\"covered\">38 / 38<");
    }

    [Fact]
    public async Task The_street_office_uploads_its_roster_on_the_page_and_sees_each_refused_row_and_a_broken_file_is_named_with_nothing_imported()
    {
        var page = await _office.Client.GetStringAsync("/streets/nanshanlu/personnel");
        page.ShouldContain("enctype=\"multipart/form-data\"");
        var before = (await _office.Client.AllPagesAsync("/api/streets/nanshanlu/roster", 1000)).Items.Count;

        using var sheet = new MemoryStream();
        MiniExcel.SaveAs(sheet, new List<Dictionary<string, object?>>
        {
            new() { ["编号"] = null, ["姓名"] = "新来的网格员", ["层级"] = "全科网格员", ["所在社区(村)"] = "阳坡垴社区", ["两委职务"] = "—" },
            new() { ["编号"] = null, ["姓名"] = "跑错街道", ["层级"] = "全科网格员", ["所在社区(村)"] = "小阳泉南社区", ["两委职务"] = "—" },
        });
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(sheet.ToArray()), "file", "名册.xlsx" } };
        var answer = await _office.Client.PostAsync("/streets/nanshanlu/personnel/import", upload);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await answer.Content.ReadAsStringAsync();
        shown.ShouldContain("新增 1 人,更新 0 人,未导入 1 行。");
        shown.ShouldContain("data-row=\"line-3\"");
        shown.ShouldContain("小阳泉南社区");
        (await _office.Client.AllPagesAsync("/api/streets/nanshanlu/roster", 1000)).Items.Count.ShouldBe(before + 1);

        using var broken = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "名册.xlsx" } };
        var refused = await _office.Client.PostAsync("/streets/nanshanlu/personnel/import", broken);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("未导入任何数据");
        (await _office.Client.AllPagesAsync("/api/streets/nanshanlu/roster", 1000)).Items.Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_street_page_lists_the_newest_ratings_with_their_stars_and_the_training_with_its_mentor()
    {
        var (roster, _) = await _office.Client.AllPagesAsync("/api/streets/nanshanlu/roster", 1000);
        var secretary = roster.First(p => p.GetProperty("committee").GetString() == "secretary");
        var newcomer = roster.First(p => p.GetProperty("graduateYear").ValueKind == System.Text.Json.JsonValueKind.Number);
        var id = secretary.GetProperty("id").GetString()!;
        (await _office.Client.PostAsJsonAsync($"/api/people/{id}/ratings", new
        {
            period = "2026", scores = new Dictionary<string, int> { ["political"] = 20, ["organisation"] = 19, ["service"] = 24, ["governance"] = 19, ["satisfaction"] = 14 },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _office.Client.PostAsJsonAsync($"/api/people/{newcomer.GetProperty("id").GetString()}/training", new { tier = "newcomers", course = "雏雁帮带·入户走访", mentor = id }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = System.Text.RegularExpressions.Regex.Replace(await _office.Client.GetStringAsync("/streets/nanshanlu/personnel"), @">\s+<", "><");
        page.ShouldContain("data-stars=\"5\">★★★★★<");
        page.ShouldContain("<td class=\"num\">1,000</td>");
        page.ShouldContain($"<td>雏雁帮带</td><td>雏雁帮带·入户走访</td><td>{secretary.GetProperty("name").GetString()}</td>");
    }
}
