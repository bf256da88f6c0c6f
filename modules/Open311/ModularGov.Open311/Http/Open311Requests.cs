using ModularGov.Grids.Contracts;

namespace ModularGov.Open311.Http;

/// <summary>A grid problem as an Open311 service request: our steps mapped to <c>open</c>/<c>closed</c> with <c>status_notes</c>.</summary>
internal static class Open311Requests
{
    /// <summary>Resolved (已办结) is closed; filed, accepted, in progress and escalated are open.</summary>
    public static string Status(ProblemStatus status) => status == ProblemStatus.Resolved ? "closed" : "open";

    /// <summary>The problem's step in words, with the resolution or the last step's note.</summary>
    public static string StatusNotes(ProblemView problem)
    {
        var step = problem.Status switch
        {
            ProblemStatus.Filed => "已上报,待受理 (filed)",
            ProblemStatus.Accepted => "已受理 (accepted)",
            ProblemStatus.InProgress => "处理中 (in progress)",
            ProblemStatus.Escalated => $"已上报上一级,待其受理 (escalated to {Level(problem.Level)})",
            _ => "已办结 (resolved)",
        };
        var note = problem.Status == ProblemStatus.Resolved ? problem.Resolution : problem.History.LastOrDefault()?.Note;
        return string.IsNullOrWhiteSpace(note) ? step : $"{step}: {note}";
    }

    private static string Level(ProblemLevel level) => level switch
    {
        ProblemLevel.Grid => "网格 grid",
        ProblemLevel.Community => "社区 community",
        ProblemLevel.Street => "街道 street",
        _ => "市区联合调度中心 dispatch centre",
    };

    /// <summary>
    /// The request as GET requests answers it. <c>expected_datetime</c> is null: a grid problem has no deadline (a case of
    /// the dispatch centre does). <c>agency_responsible</c> is who holds the problem now.
    /// </summary>
    public static Open311Object Request(ProblemView problem) => new("request",
    [
        ("service_request_id", problem.Id),
        ("status", Status(problem.Status)),
        ("status_notes", StatusNotes(problem)),
        ("service_name", problem.Category.Chinese()),
        ("service_code", Open311Services.Code(problem.Category)),
        ("description", problem.Description),
        ("agency_responsible", problem.AssignedTo),
        ("service_notice", null),
        ("requested_datetime", problem.FiledAt),
        ("updated_datetime", problem.UpdatedAt),
        ("expected_datetime", null),
        ("address", problem.Location),
        ("address_id", null),
        ("zipcode", null),
        ("lat", problem.Position?.Latitude),
        ("long", problem.Position?.Longitude),
        ("media_url", problem.PhotoUrl),
    ]);

    public static Open311List List(IEnumerable<ProblemView> problems) => new("service_requests", "request", [.. problems.Select(Request)]);
}
