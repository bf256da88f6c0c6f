using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Audit;

/// <summary>
/// The log as a spreadsheet (.xlsx) or CSV, one row an entry, headed in Chinese with English. A text cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so a spreadsheet shows it as
/// text instead of running it as a formula (CSV injection).
/// </summary>
internal static class AuditExport
{
    private static readonly string[] Headers =
    [
        "序号 Seq", "时间 Time (UTC+8)", "类型 Kind", "操作人 Actor", "名称 Label", "角色 Role", "范围 Scope", "地址 Address",
        "模块 Module", "操作 Action", "路径 Path", "对象 Record", "结果 Outcome", "状态码 Status", "耗时 ms", "浏览器 Browser",
        "说明 Detail", "算法 Algorithm", "前一哈希 Previous hash", "哈希 Hash",
    ];

    public static byte[] Csv(IEnumerable<AuditEntry> entries)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var entry in entries)
            text.AppendJoin(',', Cells(entry).Select(cell => cell is string s ? Quote(SpreadsheetCells.Safe(s)) : Convert.ToString(cell, CultureInfo.InvariantCulture))).Append("\r\n");
        // With the byte-order mark, Excel on a Chinese Windows reads the file as UTF-8 instead of GBK.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<AuditEntry> entries)
    {
        var rows = entries.Select(entry => Headers.Zip(Cells(entry), (header, cell) => (header, SpreadsheetCells.Safe(cell)))
            .ToDictionary(c => c.header, c => c.Item2));
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows, sheetName: "操作日志");
        return file.ToArray();
    }

    private static object[] Cells(AuditEntry e) =>
    [
        e.Seq, e.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Kind, e.Actor, e.ActorLabel,
        e.Role, e.Scope, e.Address, e.Module, e.Action, e.Path, e.Record, AuditOutcomes.Chinese(e.Outcome) + " " + e.Outcome, e.Status,
        e.DurationMs, e.Browser, e.Detail, e.Algorithm, e.PreviousHash, e.Hash,
    ];

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"") + "\"";
}
