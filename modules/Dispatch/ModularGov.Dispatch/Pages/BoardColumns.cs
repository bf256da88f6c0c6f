using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Views;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>The columns of the board, as the page shows them and its spreadsheet has them.</summary>
internal static class BoardColumns
{
    // Step and level sort by their order (the enum's) and show and export as words.
    public static IReadOnlyList<TableColumn<CaseIndexEntry>> For(DispatchNames names) =>
    [
        new("id", "案件编号", c => c.Id, Searched: true),
        new("step", "环节", c => c.Step, c => CaseWords.Step(c.Step), Searched: true),
        new("level", "会商层级", c => c.Level, c => CaseWords.Level(c.Level), Searched: true),
        new("deadline", "办结时限", c => c.Deadline, Deadline, Searched: true),
        new("street", "街道", c => names.Street(c.Street), Searched: true),
        new("community", "社区", c => c.Community, Searched: true),
        new("category", "类别", c => c.Category.Chinese(), Searched: true),
        new("place", "地点", c => c.Place, Searched: true),
        new("description", "描述", c => c.Description, c => ChineseFormat.Excerpt(c.Description, 30), Searched: true),
        new("lead", "主办单位", c => names.Unit(c.Lead), Searched: true),
        new("received", "接收时间", c => c.ReceivedAt),
    ];

    /// <summary>The deadline, with 已超期 once the case grain has flagged it passed (only the grain decides that, on its reminder).</summary>
    public static string Deadline(CaseIndexEntry c) =>
        ChineseFormat.DateTime(c.Deadline) + (c.DeadlineProvisional ? "(暂定)" : "") + (IsOverdue(c) ? " 已超期" : "");

    public static bool IsOverdue(CaseIndexEntry c) => c.Overdue && c.Step < CaseStep.Closed;

    public static string? CellClass(string key, CaseIndexEntry row) => key == "deadline" && IsOverdue(row) ? "overdue" : null;
}
