using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>The columns of a community's plaques taken down (清牌瘦身), as the page shows them and its spreadsheet has them.</summary>
internal static class PlaqueColumns
{
    public static readonly IReadOnlyList<TableColumn<Plaque>> Removed =
    [
        new("code", "编号", p => p.Code, Searched: true),
        new("kind", "类型", p => DutyWords.Plaque(p.Kind)),
        new("title", "名称", p => p.Title, Searched: true),
        new("hungBy", "悬挂单位", p => DutyWords.Body(p.HungBy), Searched: true),
        new("hungOn", "悬挂日期", p => p.HungOn, p => ChineseFormat.Date(p.HungOn)),
        new("removedOn", "清理日期", p => p.RemovedOn, p => p.RemovedOn is { } on ? ChineseFormat.Date(on) : "—"),
        new("campaign", "清理行动", p => p.Campaign ?? "", Searched: true),
    ];
}
