namespace ModularGov.Duties.Pages;

/// <summary>What the ledger page says after a form was recorded (the address names which; a page never shows text from the address).</summary>
internal static class LedgerNotices
{
    public static string? For(string? notice) => notice switch
    {
        "meeting" => "会议已记录。",
        "inspection" => "督查检查已记录。",
        "form" => "报表已报送。",
        "form-reused" => "该指标本期已报送过,已将索要部门指向原报送数据,无需重复填报(报表统一报送)。",
        _ => null,
    };
}
