using ModularGov.Host.Audit;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Web.Audit;

/// <summary>The audit administrator's pages over the operation and sign-in log: the same query, paging, export and chain check as /api/audit.</summary>
internal static class AuditPages
{
    public static readonly MenuEntry[] Menu =
    [
        new("日志", "操作日志", caller => caller.Role == Role.AuditAdmin ? "/audit" : null, 50),
        new("日志", "登录日志", caller => caller.Role == Role.AuditAdmin ? "/audit?kind=sign-in" : null, 51),
        new("日志", "校验日志链", caller => caller.Role == Role.AuditAdmin ? "/audit/verify" : null, 52),
    ];

    private const int PageSize = 50;

    public static void Map(IEndpointRouteBuilder console)
    {
        var audit = console.MapPlaceGroup<DistrictPlace>(AuditEndpoints.ConsolePrefix).WithMetadata(new OpenToRole(Role.AuditAdmin));
        audit.MapGet("", List).Allow(AuditEndpoints.AuditAdmin);
        audit.MapGet("/verify", (AuditTrail trail) => ConsolePages.Page<AuditVerifyPage>(new { Result = trail.Verify() })).Allow(AuditEndpoints.AuditAdmin);
    }

    private static IResult List(HttpContext http, AuditTrail trail)
    {
        var query = http.Request.Query;
        if (AuditQuery.Read(http.Request, out var filter) is { } bad)
            return ConsolePages.Page<AuditPage>(new { Query = query, Refusal = bad.ProblemDetails.Detail }, StatusCodes.Status400BadRequest);
        var after = long.TryParse(query["after"], out var a) && a > 0 ? a : 0;
        var (entries, more) = trail.Query(filter, after, PageSize);
        return ConsolePages.Page<AuditPage>(new { Query = query, Entries = (IReadOnlyList<AuditView>)entries.Select(AuditView.Of).ToList(), More = more, After = after });
    }
}
