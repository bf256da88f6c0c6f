using System.Globalization;
using System.Text.RegularExpressions;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Audit;

/// <summary>
/// Reads a query of the log from the request: <c>from</c> and <c>to</c> (an instant, or a date or time without an offset, taken
/// as China time; <c>to</c> is exclusive), <c>actor</c>, <c>module</c>, <c>outcome</c>, <c>kind</c> (exact) and <c>record</c>
/// (any part of it). A bad value is a 400 naming it.
/// </summary>
internal static partial class AuditQuery
{
    public const int MaxText = 256;

    public static ProblemHttpResult? Read(HttpRequest request, out AuditFilter filter)
    {
        filter = new AuditFilter();
        var query = request.Query;
        if (!TryInstant(query["from"], out var from))
            return ApiProblems.BadRequest($"from '{query["from"]}' is not a time (e.g. 2026-12-01 or 2026-12-01T08:00:00+08:00)");
        if (!TryInstant(query["to"], out var to))
            return ApiProblems.BadRequest($"to '{query["to"]}' is not a time (e.g. 2026-12-02 or 2026-12-01T18:00:00+08:00)");
        if (from is not null && to is not null && to <= from)
            return ApiProblems.BadRequest($"to ({to:O}) must be after from ({from:O})");
        foreach (var key in new[] { "actor", "module", "record" })
        {
            if (TextRules.CheckLength(key, query[key].ToString(), MaxText) is { } tooLong)
                return ApiProblems.TooLong(tooLong);
        }
        var outcome = Text(query["outcome"]);
        if (outcome is not null && !AuditOutcomes.All.Contains(outcome))
            return ApiProblems.BadRequest($"outcome '{outcome}' is not one of {string.Join(", ", AuditOutcomes.All)}");
        var kind = Text(query["kind"]);
        if (kind is not null && !AuditKinds.All.Contains(kind))
            return ApiProblems.BadRequest($"kind '{kind}' is not one of {string.Join(", ", AuditKinds.All)}");
        filter = new AuditFilter(from, to, Text(query["actor"]), Text(query["module"]), Text(query["record"]), outcome, kind);
        return null;
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (HasOffset().IsMatch(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
                return false;
            instant = given;
            return true;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
        return true;
    }

    /// <summary>An instant written with its offset: a time ending in <c>Z</c> or <c>±hh:mm</c>.</summary>
    [GeneratedRegex(@"T.*(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex HasOffset();
}
