using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Accounts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Access.Pages;

/// <summary>
/// 账户管理 and 在线用户 for the system and security administrators (三员), through /api/accounts' and /api/sessions' own handlers
/// and rules: each button is an endpoint with the rule of the API endpoint it calls.
/// </summary>
internal static class AdministrationPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("系统管理", "账户管理", caller => caller.Role is Role.DistrictAdmin or Role.SecurityAdmin && caller.Account is not null ? "/accounts" : null, 80),
        new("系统管理", "在线用户", caller => caller.Role == Role.SecurityAdmin ? "/sessions" : null, 81),
    ];

    private const int PageSize = 100;

    public static void Map(IEndpointRouteBuilder console)
    {
        var accounts = console.MapPlaceGroup<DistrictPlace>("/accounts").WithMetadata(new OpenToRole(Role.SecurityAdmin));
        accounts.MapGet("", (HttpContext http, IGrainFactory grains, int? after) => PageAsync(http, grains, FormState.Blank(), after: after ?? 0)).Allow(AccountAccessRules.AccountAdmins);
        accounts.MapPost("", CreateAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/disable", (string login, HttpContext http, IGrainFactory grains) =>
            ActAsync(http, grains, AccountEndpoints.DisableAsync(login, http, grains), $"账户 {login} 已停用")).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/enable", (string login, HttpContext http, IGrainFactory grains) =>
            ActAsync(http, grains, AccountEndpoints.EnableAsync(login, http, grains), $"账户 {login} 已启用")).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/password-reset", ResetPasswordAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/unlock", (string login, HttpContext http, IGrainFactory grains) =>
            ActAsync(http, grains, AccountEndpoints.UnlockAsync(login, http, grains), $"账户 {login} 已解锁")).Allow(AccountAccessRules.SecurityAdmin);
        accounts.MapPost("/{login}/second-factor-reset", (string login, HttpContext http, IGrainFactory grains) =>
            ActAsync(http, grains, AccountEndpoints.ResetSecondFactorAsync(login, http, grains), $"账户 {login} 的动态口令已重置,下次登录时重新绑定")).Allow(AccountAccessRules.SecurityAdmin);
        accounts.MapPost("/{login}/grants", GrantAsync).Allow(AccountAccessRules.SecurityAdmin);

        var sessions = console.MapPlaceGroup<DistrictPlace>("/sessions").WithMetadata(new OpenToRole(Role.SecurityAdmin));
        sessions.MapGet("", (IGrainFactory grains) => SessionsAsync(grains)).Allow(AccountAccessRules.SecurityAdmin);
        sessions.MapPost("/{sessionId}/end", EndSessionAsync).Allow(AccountAccessRules.SecurityAdmin);
    }

    private static async Task<IResult> PageAsync(HttpContext http, IGrainFactory grains, FormState form, string? notice = null, int after = 0, int status = StatusCodes.Status200OK)
    {
        var (accounts, nextAfter) = await AccountEndpoints.PageAsync(grains, after, PageSize);
        var caller = http.Caller();
        return ConsolePages.Page<AccountsPage>(new
        {
            Accounts = accounts, NextAfter = nextAfter, IsSystem = caller.Role == Role.DistrictAdmin, Self = caller.Account ?? "", Form = form, Notice = notice,
        }, status);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("login", "登录名").Require("displayName", "姓名");
        if (!form.IsValid)
            return await PageAsync(http, grains, form, status: StatusCodes.Status400BadRequest);
        var answer = await AccountEndpoints.CreateAsync(new AccountEndpoints.NewAccount(form.Value("login"), form.Value("displayName")), http, grains);
        if (form.Refused(answer))
            return await PageAsync(http, grains, form, status: form.Status(answer));
        var created = ((Created<AccountEndpoints.Created>)answer.Result).Value!;
        return await PageAsync(http, grains, FormState.Blank(), OneTimePassword(created));
    }

    private static async Task<IResult> ResetPasswordAsync(string login, HttpContext http, IGrainFactory grains)
    {
        var form = await FormState.ReadAsync(http.Request);
        var answer = await AccountEndpoints.ResetPasswordAsync(login, http, grains);
        if (form.Refused(answer))
            return await PageAsync(http, grains, form, status: form.Status(answer));
        return await PageAsync(http, grains, FormState.Blank(), OneTimePassword(((Ok<AccountEndpoints.Created>)answer.Result).Value!));
    }

    /// <summary>Shown once, to the administrator who made it, to hand to the person; the account must change it at its first sign-in.</summary>
    private static string OneTimePassword(AccountEndpoints.Created created) =>
        $"账户 {created.Login} 的一次性密码:{created.InitialPassword}(只显示这一次,请当面或经可靠渠道交给本人;首次登录须修改)";

    private static async Task<IResult> GrantAsync(string login, HttpContext http, IGrainFactory grains, IStreetDirectory streets)
    {
        var form = await FormState.ReadAsync(http.Request);
        var grants = new AccountEndpoints.Grants([new AccountEndpoints.GrantText(form.Value("role"), form.Value("scope"))]);
        return await ActAsync(http, grains, AccountEndpoints.SetGrantsAsync(login, grants, http, grains, streets), $"账户 {login} 已授权为 {form.Value("role")} {form.Value("scope")}", form);
    }

    private static async Task<IResult> ActAsync(HttpContext http, IGrainFactory grains, Task<Results<NoContent, ProblemHttpResult>> action, string done, FormState? form = null)
    {
        form ??= await FormState.ReadAsync(http.Request);
        var answer = await action;
        return form.Refused(answer)
            ? await PageAsync(http, grains, form, status: form.Status(answer))
            : await PageAsync(http, grains, FormState.Blank(), done);
    }

    private static async Task<IResult> SessionsAsync(IGrainFactory grains, string? notice = null, string? refusal = null, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<SessionsPage>(new { Sessions = (await SessionEndpoints.ListAsync(grains)).Value!, Notice = notice, Refusal = refusal }, status);

    private static async Task<IResult> EndSessionAsync(string sessionId, IGrainFactory grains, HttpContext http)
    {
        var form = await FormState.ReadAsync(http.Request);
        var answer = await SessionEndpoints.EndAsync(sessionId, grains);
        return form.Refused(answer)
            ? await SessionsAsync(grains, refusal: form.Refusal, status: form.Status(answer))
            : await SessionsAsync(grains, "会话已强制退出 (signed out)");
    }
}
