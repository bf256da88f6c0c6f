using System.Globalization;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Open311.Http;

/// <summary>
/// GET requests' filters: <c>service_code</c> and <c>status</c> (comma-separated lists), and the window
/// <c>start_date</c>..<c>end_date</c> (ISO 8601; without an offset, China time), at most 90 days, by default the last 90.
/// </summary>
internal sealed record Open311Filter(IReadOnlySet<ProblemCategory>? Categories, IReadOnlySet<string>? Statuses, DateTimeOffset Start, DateTimeOffset End)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public bool Matches(ProblemView problem) =>
        problem.FiledAt >= Start && problem.FiledAt <= End
        && (Categories is null || Categories.Contains(problem.Category))
        && (Statuses is null || Statuses.Contains(Open311Requests.Status(problem.Status)));

    public static Open311Filter? Read(Open311Input input, DateTimeOffset now, out string? refused)
    {
        refused = null;
        var categories = new HashSet<ProblemCategory>();
        foreach (var code in List(input["service_code"]) ?? [])
        {
            if (Open311Services.Find(code) is not { } category)
            {
                refused = $"服务类型不存在 (unknown service_code '{Open311Access.Truncated(code)}')";
                return null;
            }
            categories.Add(category);
        }
        var statuses = List(input["status"]);
        if (statuses?.FirstOrDefault(s => s is not ("open" or "closed")) is { } badStatus)
        {
            refused = $"状态无效 (status '{Open311Access.Truncated(badStatus)}' is neither open nor closed)";
            return null;
        }
        if (!Moment(input["end_date"], now, out var end) || !Moment(input["start_date"], end - MaxWindow, out var start))
        {
            refused = "日期格式错误 (start_date and end_date are ISO 8601 moments, e.g. 2026-12-01T00:00:00+08:00)";
            return null;
        }
        if (start > end)
            refused = "start_date 晚于 end_date (start_date is after end_date)";
        else if (end - start > MaxWindow)
            refused = "日期范围超过 90 天 (start_date and end_date may be at most 90 days apart)";
        return refused is null ? new Open311Filter(categories.Count == 0 ? null : categories, statuses?.ToHashSet(), start, end) : null;
    }

    private static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool Moment(string? text, DateTimeOffset fallback, out DateTimeOffset moment)
    {
        moment = fallback;
        if (text is null)
            return true;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            return false;
        moment = parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, ChinaTime.Offset)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return true;
    }
}
