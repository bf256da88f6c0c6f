using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Open311.Http;

/// <summary>
/// Who may file and read service requests: the street office of the <c>jurisdiction_id</c> (a street operator's token), or
/// the district admin. Declared once, as the filter of the requests group; a refusal is the spec's error list.
/// </summary>
internal static class Open311Access
{
    public const string Says = "本街道办或区级管理员的令牌 (a token of the jurisdiction's street office, or the district admin's)";

    /// <summary>The group's filter: the request goes on only with a jurisdiction its caller may act in.</summary>
    public static async ValueTask<object?> RequireStreetKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        (await FindOnceAsync(context.HttpContext)).Refusal ?? await next(context);

    /// <summary>
    /// The request's jurisdiction, or why there is none: 404 for a path without <c>.json</c> or <c>.xml</c>, 403 without a valid
    /// key, 400 without a jurisdiction, 403 for a key of another street, 404 for a street not served. Found once per request
    /// (binding runs before the filter, so both share it).
    /// </summary>
    public static async ValueTask<(Jurisdiction? Jurisdiction, IResult? Refusal)> FindOnceAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(Jurisdiction), out var found) && found is ValueTuple<Jurisdiction?, IResult?> lookup)
            return lookup;
        lookup = await FindAsync(http);
        http.Items[typeof(Jurisdiction)] = lookup;
        return lookup;
    }

    private static async ValueTask<(Jurisdiction?, IResult?)> FindAsync(HttpContext http)
    {
        if (Open311Writer.FormatOf(http) is not { } format)
            return (null, Open311Errors.NotFound(Open311Writer.Json, Open311Endpoints.UnknownFormat));
        if (http.Features.Get<AccessIdentity>() is not { } caller)
            return (null, Open311Errors.Forbidden(format, "api_key 缺失或无效 (missing, unknown, revoked or expired api_key)"));
        var input = await Open311Input.ReadAsync(http);
        var code = input["jurisdiction_id"] ?? JurisdictionOfId(http) ?? (caller.Role == Role.StreetOperator ? caller.Scope.Id : null);
        if (code is null)
            return (null, Open311Errors.BadRequest(format, "缺少 jurisdiction_id (jurisdiction_id is required: the street code, e.g. nanshanlu)"));
        if (!caller.ManagesStreet(code))
            return (null, Open311Errors.Forbidden(format, $"只限{Says}; your api_key is {caller.Role.Name()} for {caller.Scope}"));
        if (http.RequestServices.GetRequiredService<IStreetDirectory>().Find(code) is not { } street)
            return (null, Open311Errors.NotFound(format, $"辖区不存在 (unknown jurisdiction_id '{Truncated(code)}')"));
        return (new Jurisdiction(street, caller, format, input), null);
    }

    /// <summary>The street an id in the path names (<c>nanshanlu.g001.p00001</c>), when no jurisdiction_id is given.</summary>
    private static string? JurisdictionOfId(HttpContext http) =>
        http.Request.RouteValues["id"] is string id && id.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? id[..dot] : null;

    public static string Truncated(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
