using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Http;

/// <summary>
/// Every request under <c>/api</c>: each route value is an id of at most <see cref="TextRules.MaxId"/> characters and
/// each query value at most <see cref="MaxQueryValue"/>, refused with a 400 naming the parameter and the limit before
/// the request is bound to its handler (and so before any grain sees it). What a body carries is checked by each
/// endpoint, field by field.
/// </summary>
internal static class RouteAndQueryLimits
{
    /// <summary>The longest query value: a filter, a number, a month, or the resident's words at the certificate counter.</summary>
    public const int MaxQueryValue = 200;

    public static void UseRouteAndQueryLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api") && Refusal(http.Request) is { } refused)
            await refused.ExecuteAsync(http);
        else
            await next(http);
    });

    private static ProblemHttpResult? Refusal(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
        {
            if (TextRules.CheckLength(name, value as string, TextRules.MaxId) is { } tooLong)
                return ApiProblems.TooLong(tooLong);
        }
        foreach (var (name, values) in request.Query)
        {
            foreach (var value in values)
            {
                if (TextRules.CheckLength(name, value, MaxQueryValue) is { } tooLong)
                    return ApiProblems.TooLong(tooLong);
            }
        }
        return null;
    }
}
