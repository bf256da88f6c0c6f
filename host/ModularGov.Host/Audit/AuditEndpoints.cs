using System.Globalization;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Audit;

/// <summary>
/// The log, for the audit administrator only (三员: nobody else reads it, and nobody, this role included, edits or deletes an
/// entry): <c>GET /api/audit</c> in pages, <c>GET /api/audit/export?format=xlsx|csv</c> with the same filters, and
/// <c>GET /api/audit/verify</c>, the chain check. Every call here is itself logged.
/// </summary>
internal static class AuditEndpoints
{
    public const string Prefix = "/api/audit";

    /// <summary>Where the audit administrator reads the log in the console (<see cref="Web.Audit.AuditPages"/>).</summary>
    public const string ConsolePrefix = "/audit";

    /// <summary>The most entries one export holds; a wider query is refused, naming how to narrow it, rather than cut short.</summary>
    public const int MaxExportRows = 100_000;

    public static readonly AccessRule<DistrictPlace> AuditAdmin =
        new("审计管理员 (the audit administrator)", (caller, _) => caller.Role == Role.AuditAdmin);

    public static void Map(IEndpointRouteBuilder api)
    {
        var audit = api.MapPlaceGroup<DistrictPlace>("/audit").WithTags("Audit").WithMetadata(new OpenToRole(Role.AuditAdmin));
        audit.MapGet("", List).Allow(AuditAdmin);
        audit.MapGet("/export", Export).Allow(AuditAdmin);
        audit.MapGet("/verify", Verify).Allow(AuditAdmin);
    }

    private static Ok<AuditVerification> Verify(AuditTrail trail) => TypedResults.Ok(trail.Verify());

    private static Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult> List(HttpContext http, AuditTrail trail, string? after, string? limit)
    {
        if (AuditQuery.Read(http.Request, out var filter) is { } badQuery)
            return badQuery;
        if (Paging.Read(after, limit, out var page, "an entry's number") is { } badPage)
            return badPage;
        var (entries, more) = trail.Query(filter, page.After, page.Limit);
        if (more)
            Paging.LinkNext(http, (int)entries[^1].Seq, page);
        return TypedResults.Ok<IReadOnlyList<AuditView>>(entries.Select(AuditView.Of).ToList());
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Export(HttpContext http, AuditTrail trail, TimeProvider time, string? format)
    {
        format ??= "xlsx";
        if (format is not ("xlsx" or "csv"))
            return ApiProblems.BadRequest($"format '{format}' is not xlsx or csv");
        if (AuditQuery.Read(http.Request, out var filter) is { } badQuery)
            return badQuery;
        var rows = new List<AuditEntry>();
        for (long after = 0; ;)
        {
            var (entries, more) = trail.Query(filter, after, 1000);
            rows.AddRange(entries);
            if (rows.Count > MaxExportRows)
                return ApiProblems.BadRequest($"more than {MaxExportRows:N0} entries match: narrow the query with from and to, or export it in parts");
            if (!more)
                break;
            after = entries[^1].Seq;
        }
        var name = $"audit-{time.Now().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{format}";
        return format == "csv"
            ? TypedResults.File(AuditExport.Csv(rows), "text/csv; charset=utf-8", name)
            : TypedResults.File(AuditExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
