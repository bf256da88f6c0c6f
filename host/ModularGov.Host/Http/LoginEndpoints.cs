using System.Net;
using ModularGov.Access.Contracts;
using ModularGov.Host.Access;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Host.Http;

/// <summary>
/// <c>/login</c>: a browser cannot send a bearer header to the Orleans dashboard, so the district admin signs
/// in here once; the token is kept in an HttpOnly, SameSite=Strict cookie that is sent to /dashboard only.
/// </summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", () => Page(null, StatusCodes.Status200OK)).ExcludeFromDescription().AllowAnonymous();

        app.MapPost("/login", async (HttpContext http, ITokenIssuer tokens) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var token = form?["token"].ToString().Trim() ?? "";
            var identity = await tokens.AuthenticateAsync(token);
            if (identity is null)
                return Page("令牌无效或已吊销 (unknown or revoked token)", StatusCodes.Status401Unauthorized);
            if (identity.Role != Role.DistrictAdmin)
                return Page("仪表盘仅限区级管理员 (the dashboard is for the district admin only)", StatusCodes.Status403Forbidden);
            http.Response.Cookies.Append(TokenAuthenticationHandler.DashboardCookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/dashboard",
            });
            return Results.Redirect("/dashboard/");
        }).ExcludeFromDescription().AllowAnonymous();
    }

    private static IResult Page(string? error, int status) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>ModularGov 登录 (sign in)</title>
        <style>body{font-family:sans-serif;max-width:28rem;margin:4rem auto}input{width:100%;padding:.4rem;margin:.5rem 0}.error{color:#b00}</style></head>
        <body><h1>区级管理员登录</h1><p>District admin sign-in for the Orleans dashboard.</p>
        {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="post" action="/login"><label for="token">令牌 (token)</label>
        <input id="token" name="token" type="password" autocomplete="off" required><button type="submit">登录 (sign in)</button></form>
        </body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
