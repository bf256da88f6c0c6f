using ModularGov.Access.Contracts;
using ModularGov.Host.Web;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Http;

/// <summary>
/// People sign in here: <c>POST /auth/sign-in</c> (JSON, for scripts) and the <c>/login</c> page (a form, for the console and the
/// Orleans dashboard), both giving a server-side session in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS, which a
/// TLS-terminating proxy makes known through <c>Proxy:TrustedProxies</c>); <c>POST /auth/sign-out</c> (JSON) and <c>POST /logout</c>
/// (the console's button) end it. Each attempt is
/// in the sign-in log (登录日志) with the name tried, the address, the browser and the outcome; a refusal never says whether the
/// name exists.
/// </summary>
internal static class SignInEndpoints
{
    public sealed record SignedIn(string Login, string DisplayName, string Role, string Scope, bool MustChangePassword, bool MustEnrolSecondFactor);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? @return, string? changed) => Page(null, null, @return, StatusCodes.Status200OK, changed == "1" ? "密码已修改,请用新密码重新登录。" : null)).ExcludeFromDescription().AllowAnonymous().WithTags("Access");
        app.MapPost("/login", SignInFromPageAsync).ExcludeFromDescription().AllowAnonymous().WithTags("Access").DisableAntiforgery();
        app.MapPost("/auth/sign-in", SignInAsync).ExcludeFromDescription().AllowAnonymous().WithTags("Access");
        app.MapPost("/auth/sign-out", SignOutAsync).ExcludeFromDescription().AllowAnonymous().WithTags("Access");
        app.MapPost("/logout", SignOutFromPageAsync).ExcludeFromDescription().AllowAnonymous().WithTags("Access").DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, ISessions sessions)
    {
        http.Features.Get<AuditNote>()?.Kind = AuditNote.SignIn; // a body that is not even JSON is a sign-in attempt too
        SignInRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<SignInRequest>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return ApiProblems.BadRequest($"the body is not a sign-in as JSON: {{\"login\", \"password\", \"code\"}} ({e.Message})");
        }
        var result = await TrySignInAsync(http, sessions, request ?? new SignInRequest(null, null));
        if (result.Session is not { } session)
            return Refusal(result);
        return TypedResults.Ok(new SignedIn(session.Login, session.DisplayName, session.Grant.Role.Name(), session.Grant.Scope.ToString(),
            session.MustChangePassword, session.MustEnrolSecondFactor));
    }

    /// <summary>
    /// The form's sign-in: every role goes to the page it came for (or its home); a session that must first change its password or
    /// enrol a second factor goes to that page, which is all it may open.
    /// </summary>
    private static async Task<IResult> SignInFromPageAsync(HttpContext http, ISessions sessions)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        string? login = form?["login"], back = form?["return"];
        var result = await TrySignInAsync(http, sessions, new SignInRequest(login, form?["password"], form?["code"] is { Count: > 0 } code && code[0] is { Length: > 0 } ? code[0] : null));
        if (result.Session is not { } session)
            return Page(Message(result), login, back, StatusOf(result.Status));
        if (session.MustChangePassword)
            return Results.Redirect(ISessions.PasswordPage);
        if (session.MustEnrolSecondFactor)
            return Results.Redirect(ISessions.SecondFactorPage);
        return Results.Redirect(ConsoleGate.SafeReturn(back));
    }

    private static async Task<SignInResult> TrySignInAsync(HttpContext http, ISessions sessions, SignInRequest request)
    {
        var result = await sessions.SignInAsync(request, http.Connection.RemoteIpAddress?.ToString() ?? "", TextRules.Cut(http.Request.Headers.UserAgent.ToString(), 256));
        if (http.Features.Get<AuditNote>() is { } note)
        {
            note.Kind = AuditNote.SignIn;
            note.Actor = Accounts.ActorId(result.Login);
            note.ActorLabel = result.Session?.DisplayName;
            note.Role = result.Session?.Grant.Role.Name();
            note.Scope = result.Session?.Grant.Scope.ToString();
            note.Detail = result.Status.ToString();
        }
        if (result.SessionId is { } id)
            http.Response.Cookies.Append(ISessions.CookieName, id, Cookie(http));
        return result;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, ISessions sessions)
    {
        var id = http.Request.Cookies[ISessions.CookieName];
        var identity = http.Features.Get<AccessIdentity>();
        if (http.Features.Get<AuditNote>() is { } note)
            note.Kind = AuditNote.SignOut;
        http.Response.Cookies.Delete(ISessions.CookieName, Cookie(http));
        return id is not null && await sessions.SignOutAsync(id) || identity is not null
            ? TypedResults.NoContent()
            : ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "未登录", "Unauthorized: no session to end");
    }

    private static async Task<IResult> SignOutFromPageAsync(HttpContext http, ISessions sessions)
    {
        if (http.Features.Get<AuditNote>() is { } note)
            note.Kind = AuditNote.SignOut;
        if (http.Request.Cookies[ISessions.CookieName] is { } id)
            await sessions.SignOutAsync(id);
        http.Response.Cookies.Delete(ISessions.CookieName, Cookie(http));
        return Results.Redirect("/login");
    }

    private static CookieOptions Cookie(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private static IResult Refusal(SignInResult result) => result.Status switch
    {
        SignInStatus.Invalid => ApiProblems.BadRequest(result.Error!),
        SignInStatus.Locked => ApiProblems.Problem(StatusCodes.Status423Locked, "account-locked", "账户已锁定", "Locked: too many failed sign-ins", Message(result)),
        SignInStatus.Disabled => ApiProblems.Problem(StatusCodes.Status403Forbidden, "account-disabled", "账户已停用", "Forbidden: the account is disabled", Message(result)),
        SignInStatus.NoGrant => ApiProblems.Problem(StatusCodes.Status403Forbidden, "no-grant", "账户未获授权", "Forbidden: no such grant", result.Error),
        SignInStatus.SecondFactorRequired => ApiProblems.Problem(StatusCodes.Status401Unauthorized, "second-factor-required", "请输入动态口令", "Unauthorized: the second factor's code is needed", Message(result)),
        SignInStatus.SecondFactorWrong => ApiProblems.Problem(StatusCodes.Status401Unauthorized, "second-factor-wrong", "动态口令错误", "Unauthorized: wrong or used code", Message(result)),
        _ => ApiProblems.Problem(StatusCodes.Status401Unauthorized, "sign-in-failed", "用户名或密码错误", "Unauthorized: wrong login name or password", Message(result)),
    };

    private static int StatusOf(SignInStatus status) => status switch
    {
        SignInStatus.Invalid => StatusCodes.Status400BadRequest,
        SignInStatus.Locked => StatusCodes.Status423Locked,
        SignInStatus.Disabled or SignInStatus.NoGrant => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status401Unauthorized,
    };

    private static string Message(SignInResult result) => result.Status switch
    {
        SignInStatus.Locked => $"连续登录失败次数过多,账户已锁定至 {result.LockedUntil!.Value.ToOffset(TimeSpan.FromHours(8)):HH:mm} (locked after too many failed sign-ins; try again then, or ask the security administrator to unlock it)",
        SignInStatus.Disabled => "账户已停用,请联系系统管理员 (the account is disabled: ask the system administrator)",
        SignInStatus.SecondFactorRequired => "此账户须输入动态口令 (this account signs in with the code of its authenticator app, or a recovery code)",
        SignInStatus.SecondFactorWrong => "动态口令错误或已使用 (the code is wrong, or was used already: wait for the next one)",
        SignInStatus.NoGrant or SignInStatus.Invalid => result.Error!,
        _ => "用户名或密码错误 (wrong login name or password)",
    };

    private static IResult Page(string? error, string? login, string? back, int status, string? notice = null) =>
        ConsolePages.Page<SignInPage>(new { Error = error, Notice = notice, Login = login, Return = back is null ? null : ConsoleGate.SafeReturn(back) }, status);
}
