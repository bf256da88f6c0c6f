using System.Net.Http.Headers;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Privacy;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ModularGov.Host.Tests.Http;

/// <summary>The roster from a street office's own spreadsheet: row by row, and nothing at all from a file that cannot be read.</summary>
public sealed class PersonnelImportTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private static readonly string Identity = "14030220000229003" + IdentityNumbers.CheckDigit("14030220000229003");

    private static ByteArrayContent Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows.ToList());
        var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    private static Dictionary<string, object?> Row(string? id, string name, string rung, string community, string committee = "—", string identity = "", string phone = "") => new()
    {
        ["编号"] = id, ["姓名"] = name, ["层级"] = rung, ["所在社区(村)"] = community, ["两委职务"] = committee, ["大学生(毕业年份)"] = "2024",
        ["身份证号"] = identity, ["手机号"] = phone,
    };

    private static async Task<int> RosterCountAsync(HttpClient client) => (await client.AllPagesAsync("/api/streets/yijing/roster", 1000)).Items.Count;

    [Fact]
    public async Task Each_row_is_created_updated_or_rejected_with_its_reason_and_the_new_person_s_numbers_are_sealed()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var (roster, _) = await office.AllPagesAsync("/api/streets/yijing/roster", 1000);
        var worker = roster.First(p => p.GetProperty("rung").GetString() == "communityWorker");
        var community = worker.GetProperty("community").GetString()!;
        var before = roster.Count;

        var report = await (await office.PostAsync("/api/streets/yijing/roster/import", Sheet(
        [
            Row(null, "新人甲", "社区工作者", community, "两委委员", Identity, "13712345678"),
            Row(worker.GetProperty("id").GetString(), "改名乙", "社区工作者", community),
            Row(null, "错号丙", "社区工作者", community, identity: Identity[..17] + (Identity[17] == '1' ? '2' : '1')),
            Row(null, "无村丁", "社区工作者", "不存在村"),
            Row(worker.GetProperty("id").GetString(), "越级戊", "公务员", "街道办"),
        ]))).JsonAsync();
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("rejected").GetInt32()).ShouldBe((1, 1, 3));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("line").GetInt32()).ShouldBe([2, 3, 4, 5, 6]);
        rows[2].GetProperty("reason").GetString()!.ShouldContain("校验位");
        rows[3].GetProperty("reason").GetString()!.ShouldContain("不存在村");
        rows[4].GetProperty("reason").GetString()!.ShouldContain("晋升");

        (await RosterCountAsync(office)).ShouldBe(before + 1);
        var created = rows[0].GetProperty("person").GetString()!;
        var person = await (await office.GetAsync($"/api/people/{created}")).JsonAsync();
        person.GetProperty("person").GetProperty("identity").GetString().ShouldBe($"140***********{Identity[^4..]}");
        (await (await office.GetAsync($"/api/people/{created}/numbers")).JsonAsync()).GetProperty("identityNumber").GetString().ShouldBe(Identity);
        (await (await office.GetAsync($"/api/people/{worker.GetProperty("id").GetString()}")).JsonAsync())
            .GetProperty("person").GetProperty("name").GetString().ShouldBe("改名乙");
    }

    [Fact]
    public async Task A_file_that_is_not_a_readable_sheet_or_lacks_a_column_is_refused_whole_and_nothing_is_imported()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var before = await RosterCountAsync(office);
        var garbage = new ByteArrayContent("PK\u0003\u0004 this is not a workbook"u8.ToArray());
        garbage.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await (await office.PostAsync("/api/streets/yijing/roster/import", garbage)).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("nothing was imported");
        var noRung = Sheet([new Dictionary<string, object?> { ["姓名"] = "缺列", ["所在社区(村)"] = "街道办" }]);
        (await (await office.PostAsync("/api/streets/yijing/roster/import", noRung)).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("层级");
        (await RosterCountAsync(office)).ShouldBe(before);
        var outsider = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        await (await outsider.PostAsync("/api/streets/yijing/roster/import", Sheet([Row(null, "越权", "社区工作者", "街道办")]))).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task The_roster_s_own_export_imports_back_unchanged_its_masks_keeping_the_numbers()
    {
        var admins = await fixture.District.AdministratorsAsync();
        var office = await fixture.District.PersonAsync(admins, "yj-hr", "义井镇 组织员", "street-operator", "street:yijing");
        var someone = "yijing.r0010";
        (await office.Client.PutAsync($"/api/people/{someone}/numbers", System.Net.Http.Json.JsonContent.Create(new { phone = "13698765432" }))).EnsureSuccessStatusCode();
        var export = await office.Client.GetByteArrayAsync("/streets/yijing/personnel?format=xlsx&size=1000");
        var content = new ByteArrayContent(export);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var report = await (await office.Client.PostAsync("/api/streets/yijing/roster/import", content)).JsonAsync();
        report.GetProperty("created").GetInt32().ShouldBe(0);
        report.GetProperty("rejected").GetInt32().ShouldBe(0, report.GetRawText());
        (await (await office.Client.GetAsync($"/api/people/{someone}/numbers")).JsonAsync()).GetProperty("phone").GetString().ShouldBe("13698765432");
    }
}
