using ModularGov.Grids.Contracts;

namespace ModularGov.Grids.Pages;

/// <summary>The Chinese words the console uses for a problem's category, status, level and source.</summary>
internal static class ProblemWords
{
    /// <summary>The categories as a form offers them: the API's name and the Chinese one, in the API's order.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Categories =
        Enum.GetValues<ProblemCategory>().Select(c => (c.ToString().ToLowerInvariant(), c.Chinese())).ToList();

    public static string Status(ProblemStatus status) => status switch
    {
        ProblemStatus.Filed => "已上报",
        ProblemStatus.Accepted => "已受理",
        ProblemStatus.InProgress => "处置中",
        ProblemStatus.Resolved => "已办结",
        _ => "已上交",
    };

    public static string Level(ProblemLevel level) => level switch
    {
        ProblemLevel.Grid => "网格",
        ProblemLevel.Community => "社区",
        ProblemLevel.Street => "街道",
        _ => "调度中心",
    };

    public static string Source(ProblemSource source) => source switch
    {
        ProblemSource.GridWorker => "网格员",
        ProblemSource.Resident => "居民",
        _ => "驿站",
    };

    public static string Action(string action) => action switch
    {
        "file" => "上报",
        "accept" => "受理",
        "start" => "开始处置",
        "resolve" => "办结",
        "escalate" => "上交上一级",
        _ => action,
    };
}
