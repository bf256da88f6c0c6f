using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ModularGov.Access.Contracts;
using ModularGov.Host.Access;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Web;

/// <summary>
/// The outermost filter of every console page: a browser without a session goes to the sign-in page (and back afterwards), a
/// session that must change its password or enrol a second factor goes there first, and a refusal from the page's place group
/// (403, 404) or handler becomes a page instead of problem details.
/// </summary>
internal static class ConsoleGate
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<SessionRefusal>() is { } refusal)
            return refusal.Code switch
            {
                "password-change-required" => TypedResults.Redirect(ISessions.PasswordPage),
                "second-factor-required" => TypedResults.Redirect(ISessions.SecondFactorPage),
                _ => Error(refusal.Status, $"{refusal.TitleZh} ({refusal.TitleEn})", refusal.Detail),
            };
        if (http.Features.Get<AccessIdentity>() is null)
            return TypedResults.Redirect("/login?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        var result = await next(context);
        return result is ProblemHttpResult problem ? Error(problem.StatusCode, problem.ProblemDetails) : result;
    }

    public static IResult Error(int status, ProblemDetails problem) => Error(status, problem.Title, problem.Detail);

    public static IResult Error(int status, string? title, string? detail) =>
        ConsolePages.Page<ErrorPage>(new { Status = status, Title = title, Detail = detail }, status);

    /// <summary>A path of this host to return to after signing in, or the home page (never another site: no open redirect).</summary>
    public static string SafeReturn(string? path) =>
        path is { Length: > 1 } p && p[0] == '/' && p[1] != '/' && p[1] != '\\' && !p.StartsWith("/login", StringComparison.Ordinal) ? p : "/";
}
