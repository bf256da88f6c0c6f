namespace ModularGov.SharedKernel.Web;

/// <summary>
/// A column of a console table: its key in the address (<c>?sort=households</c>), its Chinese header (also the spreadsheet's),
/// the value it sorts and exports by, and how the page shows it (default: the value, numbers with thousands separators).
/// </summary>
public sealed record TableColumn<T>(string Key, string Header, Func<T, object?> Value, Func<T, string>? Show = null, bool Searched = false)
{
    public string Display(T row) => Show?.Invoke(row) ?? Value(row) switch
    {
        null => "",
        int n => ChineseFormat.Number(n),
        long n => ChineseFormat.Number(n),
        double d => ChineseFormat.Number(d),
        DateTimeOffset at => ChineseFormat.DateTime(at),
        bool b => b ? "是" : "否",
        var other => other.ToString() ?? "",
    };
}
