using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Personnel.Pages;

/// <summary>The columns of a street's roster, on the page and in its spreadsheet: identity and phone numbers only masked.</summary>
internal static class RosterColumns
{
    public static readonly IReadOnlyList<TableColumn<PersonSummary>> All =
    [
        new("id", "编号", p => p.Id, Searched: true),
        new("name", "姓名", p => p.Name, Searched: true),
        new("rung", "层级", p => p.RungName, Searched: true),
        new("community", "所在社区(村)", p => p.Community ?? "街道办", Searched: true),
        new("committee", "两委职务", p => CareerLadder.Words.Of(p.Committee)),
        new("post", "岗位", p => p.Post ?? "—", Searched: true),
        new("graduate", "大学生(毕业年份)", p => p.GraduateYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
        new("identity", "身份证号", p => p.Identity ?? "—"),
        new("phone", "手机号", p => p.Phone ?? "—"),
        new("sample", "样例数据", p => p.Sample ? "是" : "否"),
    ];
}
