using Microsoft.AspNetCore.Http;
using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Http;
using ModularGov.Dispatch.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>The board as tables: the centre's 调度台 by tab, and a department's own cases; each also a live region and a spreadsheet.</summary>
internal static class BoardPages
{
    public static async Task<IResult> BoardAsync(string view, HttpContext http, IGrainFactory grains, DispatchNames names)
    {
        if (!BoardViews.TryParse(view, out var step, out var overdue))
            return ApiProblems.NotFound("调度台视图", view.Length > 40 ? view[..40] : view);
        var board = await BoardReader.ReadAsync(http.Caller(), grains, step, overdue);
        var table = Table(BoardViews.Path(view), board, http, names);
        if (ConsoleTable<CaseIndexEntry>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"dispatch-{view}");
        return http.Request.Query["fragment"] == "1"
            ? ConsolePages.Page<BoardTable>(new { Table = table, board.Truncated })
            : ConsolePages.Page<DispatchBoardPage>(new { View = view, Cases = table, board.Truncated });
    }

    public static async Task<IResult> UnitAsync(HttpContext http, IGrainFactory grains, DispatchNames names)
    {
        var caller = http.Caller();
        var board = await BoardReader.ReadAsync(caller, grains);
        var table = Table("/dispatch/unit", board, http, names);
        if (ConsoleTable<CaseIndexEntry>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"cases-{DispatchAccess.UnitOf(caller)}");
        return http.Request.Query["fragment"] == "1"
            ? ConsolePages.Page<BoardTable>(new { Table = table, board.Truncated })
            : ConsolePages.Page<UnitCasesPage>(new { UnitName = names.Unit(DispatchAccess.UnitOf(caller)), Cases = table, board.Truncated });
    }

    /// <summary>
    /// A street office's or a community's cases, as the board narrows them for it. Not live: the district's topic would tell it the
    /// ids of every street's cases; it reloads to show changes.
    /// </summary>
    public static async Task<IResult> LocalAsync(HttpContext http, IGrainFactory grains, DispatchNames names)
    {
        var caller = http.Caller();
        var board = await BoardReader.ReadAsync(caller, grains);
        var table = Table("/dispatch/local", board, http, names);
        if (ConsoleTable<CaseIndexEntry>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"cases-{caller.Scope.Id}");
        return ConsolePages.Page<LocalCasesPage>(new { Cases = table, board.Truncated, Community = caller.Role == Role.CommunityWorker });
    }

    private static ConsoleTable<CaseIndexEntry> Table(string path, BoardRows board, HttpContext http, DispatchNames names) =>
        new("案件", path, BoardColumns.For(names), board.Cases, TableQuery.From(http.Request));
}
