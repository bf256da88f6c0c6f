using ModularGov.Grids.Http;
using ModularGov.Grids.Views;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Grids.Pages;

/// <summary>The columns of a street's grid table, as the page shows them and its spreadsheet has them.</summary>
internal static class GridColumns
{
    public static readonly IReadOnlyList<TableColumn<GridListItem>> All =
    [
        new("id", "网格编号", g => g.Id, Searched: true),
        new("name", "网格名称", g => g.Name, Searched: true),
        new("community", "所属社区", g => g.CommunityName, Searched: true),
        new("households", "户数", g => g.Households),
        new("residents", "人口", g => g.Residents),
        new("worker", "网格员", g => g.Worker, Searched: true),
        new("leads", "微网格长", g => g.MicroGridLeads),
        new("open", "未办结", g => g.Problems.Open),
        new("escalated", "已上交", g => g.Problems.Escalated),
        new("resolved", "已办结", g => g.Problems.Resolved),
        new("total", "事项总数", g => g.Problems.Total),
    ];

    public static string? NumberClass(string key, GridListItem row) => key switch
    {
        "open" when row.Problems.Open > 0 => "num overdue",
        "households" or "residents" or "leads" or "open" or "escalated" or "resolved" or "total" => "num",
        _ => null,
    };
}
