using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Accounts;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Access.Pages;

/// <summary>
/// The signed-in person's own account in the console: change the password, enrol a second factor. Open to every role (the
/// confined administrators included) and to a session that must do one of these first, through the API's own handlers.
/// </summary>
internal static class AccountPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("账户", "修改密码", caller => caller.Account is null ? null : ISessions.PasswordPage, 900),
        new("账户", "动态口令", caller => caller.Account is null ? null : ISessions.SecondFactorPage, 901),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        var self = console.MapPlaceGroup<DistrictPlace>("/account")
            .WithMetadata(new OpenToRole(Role.SecurityAdmin), new OpenToRole(Role.AuditAdmin));
        self.MapGet("/password", (HttpContext http, IGrainFactory grains) => PasswordPageAsync(http, grains, FormState.Blank())).Allow(AccountAccessRules.Person);
        self.MapPost("/password", ChangePasswordAsync).Allow(AccountAccessRules.Person);
        self.MapGet("/second-factor", (HttpContext http, IGrainFactory grains) => SecondFactorPageAsync(http, grains, FormState.Blank())).Allow(AccountAccessRules.Person);
        self.MapPost("/second-factor/begin", BeginAsync).Allow(AccountAccessRules.Person);
        self.MapPost("/second-factor/confirm", ConfirmAsync).Allow(AccountAccessRules.Person);
    }

    private static async Task<AccountView> AccountAsync(HttpContext http, IGrainFactory grains) =>
        (await grains.GetGrain<IAccountGrain>(http.Caller().Account!).GetAsync())!;

    private static async Task<IResult> PasswordPageAsync(HttpContext http, IGrainFactory grains, FormState form, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<PasswordPage>(new { Account = await AccountAsync(http, grains), Form = form }, status);

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, IGrainFactory grains, AccountOptions options)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("current", "当前密码").Require("next", "新密码").Require("again", "新密码");
        if (form.IsValid && form.Value("next") != form.Value("again"))
            form.Fail("again", "两次输入的新密码不一致");
        if (!form.IsValid)
            return await PasswordPageAsync(http, grains, Without(form), StatusCodes.Status400BadRequest);
        var answer = await SelfEndpoints.ChangePasswordAsync(new SelfEndpoints.PasswordChange(form.Value("current"), form.Value("next")), http, grains, options);
        if (form.Refused(answer))
            return await PasswordPageAsync(http, grains, Without(form), form.Status(answer));
        return TypedResults.Redirect("/login?changed=1"); // the change ended every session of the account
    }

    /// <summary>A password form comes back without the passwords typed (nothing secret is written into a page).</summary>
    private static FormState Without(FormState form) => form.Clear("current", "next", "again");

    private static async Task<IResult> SecondFactorPageAsync(HttpContext http, IGrainFactory grains, FormState form, object? extra = null, int status = StatusCodes.Status200OK)
    {
        var account = await AccountAsync(http, grains);
        var needs = account.Grants.Any(g => g.Role.NeedsSecondFactor());
        return extra switch
        {
            SelfEndpoints.Enrolment e => ConsolePages.Page<SecondFactorPage>(new { Account = account, Form = form, NeedsIt = needs, e.QrCode, e.Secret }, status),
            IReadOnlyList<string> codes => ConsolePages.Page<SecondFactorPage>(new { Account = account, Form = form, NeedsIt = needs, Codes = codes }, status),
            _ => ConsolePages.Page<SecondFactorPage>(new { Account = account, Form = form, NeedsIt = needs }, status),
        };
    }

    private static async Task<IResult> BeginAsync(HttpContext http, IGrainFactory grains)
    {
        var form = await FormState.ReadAsync(http.Request);
        var answer = await SelfEndpoints.BeginSecondFactorAsync(http, grains);
        if (form.Refused(answer))
            return await SecondFactorPageAsync(http, grains, form, status: form.Status(answer));
        return await SecondFactorPageAsync(http, grains, FormState.Blank(), ((Ok<SelfEndpoints.Enrolment>)answer.Result).Value);
    }

    /// <summary>The secret and its picture come back with the form (the grain keeps the secret being enrolled; these only redraw it).</summary>
    private static async Task<IResult> ConfirmAsync(HttpContext http, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("code", "六位动态口令");
        var redraw = new SelfEndpoints.Enrolment(form.Value("secret"), "", form.Value("qr"));
        if (!form.IsValid)
            return await SecondFactorPageAsync(http, grains, form, redraw, StatusCodes.Status400BadRequest);
        var answer = await SelfEndpoints.ConfirmSecondFactorAsync(new SelfEndpoints.Code(form.Value("code")), http, grains);
        if (form.Refused(answer))
            return await SecondFactorPageAsync(http, grains, form.Clear("code"), redraw, form.Status(answer));
        return await SecondFactorPageAsync(http, grains, FormState.Blank(), ((Ok<SelfEndpoints.RecoveryCodes>)answer.Result).Value!.Codes);
    }
}
