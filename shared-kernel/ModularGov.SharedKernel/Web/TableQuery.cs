using Microsoft.AspNetCore.Http;

namespace ModularGov.SharedKernel.Web;

/// <summary>
/// What a console table shows, as the address says it: <c>q</c> (a filter on the searched columns), <c>sort</c> and <c>dir</c>,
/// <c>page</c> and <c>size</c> (at most <see cref="MaxSize"/> rows a page). Unknown or malformed values fall back to the defaults,
/// so an edited address still shows a table.
/// </summary>
public sealed record TableQuery(string Filter, string? Sort, bool Descending, int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    public const int MaxFilter = 100;

    public static TableQuery From(HttpRequest request, int defaultSize = DefaultSize)
    {
        var query = request.Query;
        var filter = query["q"].ToString().Trim();
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var size = int.TryParse(query["size"], out var s) && s is > 0 and <= MaxSize ? s : defaultSize;
        return new TableQuery(filter.Length > MaxFilter ? filter[..MaxFilter] : filter, query["sort"].ToString() is { Length: > 0 } sort ? sort : null,
            query["dir"] == "desc", page, size);
    }

    /// <summary>The rows the filter keeps, in the order asked for (before paging): what the page and its export show.</summary>
    public IReadOnlyList<T> Select<T>(IEnumerable<T> rows, IReadOnlyList<TableColumn<T>> columns)
    {
        var kept = Filter.Length == 0
            ? rows
            : rows.Where(row => columns.Any(c => c.Searched && c.Display(row).Contains(Filter, StringComparison.OrdinalIgnoreCase)));
        if (columns.FirstOrDefault(c => c.Key == Sort) is not { } by)
            return kept.ToList();
        return (Descending ? kept.OrderByDescending(by.Value, CellOrder.Instance) : kept.OrderBy(by.Value, CellOrder.Instance)).ToList();
    }

    /// <summary>The address of this table with some values changed (the others kept), for sort links and the pager.</summary>
    public string With(string path, string? sort = null, bool? descending = null, int? page = null, string? format = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (Filter.Length > 0)
            values.Add(new("q", Filter));
        if ((sort ?? Sort) is { } s)
            values.Add(new("sort", s));
        if (descending ?? Descending)
            values.Add(new("dir", "desc"));
        if ((page ?? Page) is var p and > 1)
            values.Add(new("page", p.ToString()));
        if (Size != DefaultSize)
            values.Add(new("size", Size.ToString()));
        if (format is not null)
            values.Add(new("format", format));
        return path + QueryString.Create(values);
    }

    /// <summary>Compares cells of one column: numbers as numbers, text by the invariant culture, empty cells first.</summary>
    private sealed class CellOrder : IComparer<object?>
    {
        public static readonly CellOrder Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (IComparable a, _) when a.GetType() == y.GetType() => a.CompareTo(y),
            _ => string.Compare(x.ToString(), y.ToString(), StringComparison.InvariantCulture),
        };
    }
}
