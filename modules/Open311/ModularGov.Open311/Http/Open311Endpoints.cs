using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModularGov.Grids.Contracts;

namespace ModularGov.Open311.Http;

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under <c>/open311/v2</c>: discovery and services for anyone; service
/// requests, which carry residents' words, for the jurisdiction's street office (<see cref="Open311Access"/>). Every path
/// ends in <c>.json</c> or <c>.xml</c>. Requests are created synchronously, so there is no <c>tokens/{token}</c>.
/// </summary>
internal static class Open311Endpoints
{
    public const string Prefix = "/open311/v2";

    public const string UnknownFormat = "格式不支持 (unknown format: end the path in .json or .xml)";

    public static void Map(IEndpointRouteBuilder root)
    {
        var open311 = root.MapGroup(Prefix).WithTags("Open311").ExcludeFromDescription();
        open311.MapGet("/discovery.{format}", Discovery);
        open311.MapGet("/services.{format}", Services);
        open311.MapGet("/services/{code}.{format}", ServiceDefinition);

        var requests = open311.MapGroup("").AddEndpointFilter(Open311Access.RequireStreetKey);
        requests.MapPost("/requests.{format}", Open311Filing.FileAsync);
        requests.MapGet("/requests.{format}", Open311Listing.ListAsync);
        requests.MapGet("/requests/{id}.{format}", Open311Listing.GetAsync);
    }

    internal static IResult Discovery(HttpContext http)
    {
        if (Open311Writer.FormatOf(http) is not { } format)
            return Open311Errors.NotFound(Open311Writer.Json, UnknownFormat);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{Prefix}/";
        Open311Object Endpoint(string type) => new("endpoint",
        [
            ("specification", "http://wiki.open311.org/GeoReport_v2"),
            ("url", url),
            ("changeset", Changeset),
            ("type", type),
            ("formats", new Open311List("formats", "format", ["text/xml", "application/json"])),
        ]);
        return Open311Writer.Result(format, new Open311Object("discovery",
        [
            ("changeset", Changeset),
            ("contact", "阳泉市城区网格化服务管理中心 (district grid management centre): see docs/open311.md"),
            ("key_service", "api_key 由区级管理员签发给街道办 (keys are street-office tokens issued by the district admin: POST /api/tokens)"),
            ("endpoints", new Open311List("endpoints", "endpoint", [Endpoint("production")])),
        ]));
    }

    /// <summary>When this interface last changed, for discovery's <c>changeset</c>.</summary>
    private static readonly DateTimeOffset Changeset = new(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(8));

    internal static IResult Services(HttpContext http) => Open311Writer.FormatOf(http) is { } format
        ? Open311Writer.Result(format, new Open311List("services", "service", [.. Open311Services.All.Select(Open311Services.Service)]))
        : Open311Errors.NotFound(Open311Writer.Json, UnknownFormat);

    /// <summary>Our services have no attributes (every <c>metadata</c> is false), so every definition is the spec's 404.</summary>
    internal static IResult ServiceDefinition(string code, HttpContext http)
    {
        if (Open311Writer.FormatOf(http) is not { } format)
            return Open311Errors.NotFound(Open311Writer.Json, UnknownFormat);
        return Open311Services.Find(code) is null
            ? Open311Errors.NotFound(format, $"服务类型不存在 (unknown service_code '{Open311Access.Truncated(code)}')")
            : Open311Errors.NotFound(format, $"该服务没有附加属性 (service_code '{code}' has no attributes: metadata is false)");
    }
}
