using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace ModularGov.SharedKernel.Web;

/// <summary>
/// A table as a page shows it: the rows the query keeps and orders, one page of them, and the same rows (all pages) as a
/// spreadsheet with the Chinese headers. The address of the page is the address of its export with <c>format=xlsx</c>.
/// </summary>
public sealed class ConsoleTable<T>
{
    public ConsoleTable(string caption, string path, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows, TableQuery query)
    {
        Caption = caption;
        Path = path;
        Columns = columns;
        Query = query;
        Selected = query.Select(rows, columns);
        PageCount = Math.Max(1, (Selected.Count + query.Size - 1) / query.Size);
        CurrentPage = Math.Min(query.Page, PageCount);
        Rows = Selected.Skip((CurrentPage - 1) * query.Size).Take(query.Size).ToList();
    }

    public string Caption { get; }
    public string Path { get; }
    public IReadOnlyList<TableColumn<T>> Columns { get; }
    public TableQuery Query { get; }
    public IReadOnlyList<T> Selected { get; }
    public IReadOnlyList<T> Rows { get; }
    public int PageCount { get; }
    public int CurrentPage { get; }

    public bool Searchable => Columns.Any(c => c.Searched);

    /// <summary>Whether the request asks for the spreadsheet instead of the page.</summary>
    public static bool WantsSpreadsheet(HttpRequest request) => request.Query["format"] == "xlsx";

    /// <summary>Every row the filter keeps, in the page's order, as an .xlsx named after the caption.</summary>
    public IResult Spreadsheet(string fileName)
    {
        var sheet = Selected.Select(row => Columns.ToDictionary(c => c.Header, c => SpreadsheetCells.Safe(ExportValue(c, row))));
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, sheet, sheetName: Caption.Length > 31 ? Caption[..31] : Caption);
        return TypedResults.File(file.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    /// <summary>Numbers stay numbers in the sheet; everything else as the page writes it.</summary>
    private static object? ExportValue(TableColumn<T> column, T row) =>
        column.Value(row) is var value and (int or long or double or decimal) ? value : column.Display(row);
}
