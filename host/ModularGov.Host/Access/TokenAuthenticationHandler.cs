using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>. A missing, malformed, unknown, revoked or expired token is a 401, a known
/// token outside the endpoint's policy a 403; both answer with problem details. A value not shaped like a token is
/// refused without a lookup, and lookups from one address are limited (<see cref="TokenLookupBudget"/>), so this runs
/// before the rate limiter, which then counts each token's requests by its id.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITokenIssuer tokens,
    TokenLookupBudget lookups) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ModularGovToken";
    public const string RoleClaim = "mg:role";
    public const string ScopeClaim = "mg:scope";
    public const string TokenIdClaim = "mg:token";
    public const string DashboardCookie = "modulargov_dashboard";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = PresentedToken();
        if (token is null)
            return AuthenticateResult.NoResult();
        var address = Context.Connection.RemoteIpAddress;
        var identity = await tokens.AuthenticateAsync(token, () => lookups.TryTake(address));
        if (identity is null)
            return AuthenticateResult.Fail("malformed, unknown, revoked or expired token");

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

    /// <summary>
    /// The bearer token; on the dashboard only, the sign-in cookie (a cookie is never accepted by the API, so a
    /// page elsewhere cannot make a browser act on the API with it). An empty string for a malformed header.
    /// </summary>
    private string? PresentedToken()
    {
        string? header = Request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        return Request.Path.StartsWithSegments("/dashboard") ? Request.Cookies[DashboardCookie] : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Path.StartsWithSegments("/dashboard") && Request.Headers.Accept.ToString().Contains("text/html"))
        {
            Response.Redirect("/login");
            return Task.CompletedTask;
        }
        return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "未登录或令牌无效", "Unauthorized: missing, unknown, revoked or expired token",
                "Send 'Authorization: Bearer <token>'; tokens are issued with 'ModularGov.Host tokens issue'.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Forbidden("Your token's role does not allow this.").ExecuteAsync(Context);
}
