using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for systems, or a person's session cookie (<see cref="ISessions.CookieName"/>). A
/// missing, malformed, unknown, revoked or expired credential is a 401, a known one outside the endpoint's policy a 403; both
/// answer with problem details. A value not shaped like a token is refused without a lookup, and lookups from one address are
/// limited (<see cref="TokenLookupBudget"/>), so this runs before the rate limiter, which then counts each caller by its id. A
/// session changes nothing from another site (its Origin must be this host's), and a session that must change its password or
/// enrol a second factor reaches only that (<see cref="WhileRestricted"/>).
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITokenIssuer tokens,
    ISessions sessions,
    TokenLookupBudget lookups) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ModularGovToken";
    public const string RoleClaim = "mg:role";
    public const string ScopeClaim = "mg:scope";
    public const string TokenIdClaim = "mg:token";

    /// <summary>Where a token may come as Open311's <c>api_key</c> parameter instead of a bearer header.</summary>
    public const string Open311Prefix = "/open311";

    /// <summary>What a session that must first change its password or enrol a second factor may reach.</summary>
    private static readonly string[] WhileRestricted =
        ["/api/account", "/api/account/password", "/api/account/second-factor", "/api/account/second-factor/confirm", "/auth/sign-out", "/logout",
         ISessions.PasswordPage, ISessions.SecondFactorPage, ISessions.SecondFactorPage + "/begin", ISessions.SecondFactorPage + "/confirm"];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
            return await TokenAsync(header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "");
        if (Request.Path.StartsWithSegments(Open311Prefix))
            return await ApiKeyAsync();
        if (Request.Cookies[ISessions.CookieName] is { Length: > 0 } sessionId)
            return await SessionAsync(sessionId);
        return AuthenticateResult.NoResult();
    }

    /// <summary>
    /// Open311 sends the token as <c>api_key</c>, in the query or the form body, and never uses a session (a form from another
    /// site must not file with a resident's cookie). Without a key the request goes on unauthenticated: discovery and services
    /// are public, and the requests group refuses it in the spec's error format.
    /// </summary>
    private async Task<AuthenticateResult> ApiKeyAsync()
    {
        string? key = Request.Query["api_key"];
        if (string.IsNullOrEmpty(key) && Request.HasFormContentType)
        {
            try
            {
                key = (await Request.ReadFormAsync(Context.RequestAborted))["api_key"];
            }
            catch (InvalidDataException)
            {
                return AuthenticateResult.Fail("a form body that is not application/x-www-form-urlencoded or multipart as it says");
            }
        }
        return string.IsNullOrEmpty(key) ? AuthenticateResult.NoResult() : await TokenAsync(key);
    }

    private async Task<AuthenticateResult> TokenAsync(string token)
    {
        var address = Context.Connection.RemoteIpAddress;
        var identity = await tokens.AuthenticateAsync(token, () => lookups.TryTake(address));
        return identity is null ? AuthenticateResult.Fail("malformed, unknown, revoked or expired token") : Success(identity);
    }

    private async Task<AuthenticateResult> SessionAsync(string sessionId)
    {
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method) && !FromThisSite())
            return Refuse(new SessionRefusal(StatusCodes.Status403Forbidden, "cross-site", "拒绝跨站请求", "Forbidden: a change from another site",
                "a change made with a session cookie must come from this host's own pages (its Origin header must be this host)"));
        var session = await sessions.AuthenticateAsync(sessionId);
        if (session is null)
            return AuthenticateResult.Fail("unknown or ended session");
        if ((session.MustChangePassword || session.MustEnrolSecondFactor) && !WhileRestricted.Contains(Request.Path.Value))
        {
            Context.Features.Set(session.Identity);
            return Refuse(session.MustChangePassword
                ? new SessionRefusal(StatusCodes.Status403Forbidden, "password-change-required", "请先修改密码", "Forbidden: change your password first",
                    "the first sign-in, and one after the password expired, may only change it: POST /api/account/password {current, next}, then sign in again")
                : new SessionRefusal(StatusCodes.Status403Forbidden, "second-factor-required", "请先绑定动态口令", "Forbidden: enrol a second factor first",
                    "this role signs in with a second factor: POST /api/account/second-factor, scan the QR code, POST /api/account/second-factor/confirm {value}, then sign in again"));
        }
        return Success(session.Identity);
    }

    private bool FromThisSite() =>
        Request.Headers.Origin.ToString() is { Length: > 0 } origin && origin == $"{Request.Scheme}://{Request.Host}";

    private AuthenticateResult Refuse(SessionRefusal refusal)
    {
        Context.Features.Set(refusal);
        return AuthenticateResult.Fail(refusal.Detail);
    }

    private AuthenticateResult Success(AccessIdentity identity)
    {
        Context.Features.Set(identity);
        var claims = new ClaimsIdentity(
            [
                new Claim(RoleClaim, identity.Role.Name()),
                new Claim(ScopeClaim, identity.Scope.ToString()),
                new Claim(TokenIdClaim, identity.TokenId),
                new Claim(ClaimTypes.Name, identity.Label),
            ],
            SchemeName, ClaimTypes.Name, RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<SessionRefusal>() is { } refused)
            return ApiProblems.Problem(refused.Status, refused.Code, refused.TitleZh, refused.TitleEn, refused.Detail).ExecuteAsync(Context);
        if (Request.Path.StartsWithSegments("/dashboard") && Request.Headers.Accept.ToString().Contains("text/html"))
        {
            Response.Redirect("/login?return=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
            return Task.CompletedTask;
        }
        return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "未登录或令牌无效", "Unauthorized: missing, unknown, revoked or expired token or session",
                "Send 'Authorization: Bearer <token>' (tokens are issued with 'ModularGov.Host tokens issue'), or sign in at /login or POST /auth/sign-in.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Forbidden("Your role does not allow this.").ExecuteAsync(Context);
}
