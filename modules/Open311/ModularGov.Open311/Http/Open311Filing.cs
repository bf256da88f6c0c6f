using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Open311.Http;

/// <summary>
/// POST requests: a service request is filed as a grid problem (上报) in the grid its point lies in, on behalf of a resident,
/// exactly as the console files one; the answer carries the problem's id. Nothing is written unless every check passes.
/// </summary>
internal static class Open311Filing
{
    /// <summary>The grid's own limits (a description of up to 4,000 characters, as the spec allows).</summary>
    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        ["description"] = ProblemLimits.Description,
        ["address_string"] = ProblemLimits.Location,
        ["media_url"] = ProblemLimits.PhotoUrl,
    };

    internal static async Task<IResult> FileAsync(
        Jurisdiction jurisdiction, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IGridLocator locator, IGrainFactory grains)
    {
        var (format, input) = (jurisdiction.Format, jurisdiction.Input);
        if (input.TooLong(Limits) is { } tooLong)
            return Open311Errors.BadRequest(format, tooLong);
        if (idempotencyKey?.Length > ProblemLimits.IdempotencyKey)
            return Open311Errors.BadRequest(format, $"参数过长 (Idempotency-Key is longer than {ProblemLimits.IdempotencyKey} characters)");
        if (Open311Services.Find(input["service_code"]) is not { } category)
            return Open311Errors.BadRequest(format, input["service_code"] is { } code
                ? $"服务类型不存在 (unknown service_code '{code}')"
                : "缺少 service_code (service_code is required: GET services for the list)");
        if (MediaUrl(input["media_url"]) is { } badUrl)
            return Open311Errors.BadRequest(format, badUrl);
        var (placement, position, misplaced) = Place(jurisdiction, locator);
        if (misplaced is not null)
            return Open311Errors.BadRequest(format, misplaced);
        var problem = new NewProblem
        {
            Category = category,
            Description = input["description"] ?? "",
            Location = input["address_string"] ?? GeoPoints.Text(position!),
            Compound = placement!.Compound,
            PhotoUrl = input["media_url"],
            Source = ProblemSource.Resident,
            Position = position,
        };
        var outcome = await grains.GetGrain<IGridGrain>(placement.Grid!).FileAsync(problem, Actor.Of(jurisdiction.Caller), idempotencyKey ?? NewKey());
        if (!outcome.IsOk)
            return Open311Errors.Error(format, outcome.Refusal == Refusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest, outcome.Reason!);
        return Open311Writer.Result(format, new Open311List("service_requests", "request",
            [new Open311Object("request", [("service_request_id", outcome.Value!.Problem.Id), ("service_notice", null), ("account_id", null)])]));
    }

    /// <summary>
    /// The grid the point lies in, inside the jurisdiction. A point is required: an address alone names no grid, and a
    /// problem is always filed in one. It is WGS-84 as the spec says, or GCJ-02 with our <c>crs=gcj02</c>.
    /// </summary>
    private static (GridPlacement? Placement, GeoPosition? Position, string? Problem) Place(Jurisdiction jurisdiction, IGridLocator locator)
    {
        var input = jurisdiction.Input;
        if (input["lat"] is null && input["long"] is null)
            return (null, null, input["address_string"] is null
                ? "缺少位置 (lat and long are required, WGS-84 degrees)"
                : "仅凭地址无法确定网格 (address_string alone cannot be placed in a grid: send lat and long too, WGS-84 degrees)");
        if (GeoPoints.Read(input["lat"], input["long"], input["crs"]) is not { } point)
            return (null, null, "坐标格式错误 (lat and long must both be decimal degrees, WGS-84, e.g. lat=37.857&long=113.583; add crs=gcj02 for coordinates from a Chinese map app)");
        var (placement, outside) = GeoPoints.Place(locator, point);
        if (outside is not null)
            return (null, null, outside);
        if (!placement!.Grid!.StartsWith(jurisdiction.Code + ".", StringComparison.Ordinal))
            return (null, null, $"位置不在该辖区内 (the point {GeoPoints.Text(point)} lies in grid {placement.Grid}, outside jurisdiction {jurisdiction.Code})");
        return (placement, point, null);
    }

    /// <summary>
    /// The spec has no idempotency key, so a POST without our optional <c>Idempotency-Key</c> header is a new filing each time
    /// (a retried POST files twice, as with any GeoReport v2 endpoint).
    /// </summary>
    private static string NewKey() => "open311-" + Guid.NewGuid().ToString("N");

    private static string? MediaUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? null
            : "media_url 必须是 http(s) 地址 (media_url must be an absolute http or https URL)";
}
