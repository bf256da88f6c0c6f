namespace ModularGov.SharedKernel.Web;

/// <summary>
/// Cells a spreadsheet shows without running them: a text cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return gets a leading <c>'</c>, so Excel shows it as text instead of a formula (CSV/formula injection).
/// </summary>
public static class SpreadsheetCells
{
    public static string Safe(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    public static object? Safe(object? cell) => cell is string text ? Safe(text) : cell;
}
