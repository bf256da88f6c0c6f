using ModularGov.Dispatch.Contracts;

namespace ModularGov.Dispatch.Pages;

/// <summary>
/// The board's tabs: every case, one step, or the overdue. The tab is a path segment (<c>/dispatch/board/verified</c>), so the
/// table's own links (filter, sort, pages, export), which keep only the table's query, keep the tab too.
/// </summary>
internal static class BoardViews
{
    public const string Everything = "all";
    public const string Overdue = "overdue";

    public static readonly IReadOnlyList<(string View, string Text)> All =
    [
        (Everything, "全部"),
        .. new[] { CaseStep.Received, CaseStep.Verified, CaseStep.Assigned, CaseStep.Handling, CaseStep.Closed }
            .Select(s => (s.ToString().ToLowerInvariant(), CaseWords.Step(s))),
        (Overdue, "已超期"),
    ];

    public static string Path(string view) => $"/dispatch/board/{view}";

    /// <summary>The step and overdue filter a tab stands for; false when the tab does not exist.</summary>
    public static bool TryParse(string view, out CaseStep? step, out bool? overdue)
    {
        step = null;
        overdue = view == Overdue ? true : null;
        if (view is Everything or Overdue)
            return true;
        if (Enum.TryParse<CaseStep>(view, ignoreCase: true, out var parsed) && All.Any(v => v.View == view))
        {
            step = parsed;
            return true;
        }
        return false;
    }
}
