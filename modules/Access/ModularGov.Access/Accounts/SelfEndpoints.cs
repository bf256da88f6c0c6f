using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using QRCoder;

namespace ModularGov.Access.Accounts;

/// <summary>
/// <c>/api/account</c>: the signed-in person's own account — see it, change the password, enrol a second factor. Open to every
/// role, the confined administrators included, and to a session that must change its password or enrol first.
/// </summary>
internal static class SelfEndpoints
{
    public const string Prefix = "/api/account";

    public sealed record PasswordChange(string? Current, string? Next);

    public sealed record Code(string? Value);

    public sealed record Enrolment(string Secret, string Uri, string QrCode);

    public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

    public static void Map(IEndpointRouteBuilder api)
    {
        var self = api.MapPlaceGroup<DistrictPlace>("/account").WithTags("Access")
            .WithMetadata(new OpenToRole(Role.SecurityAdmin), new OpenToRole(Role.AuditAdmin));
        self.MapGet("", GetAsync).Allow(AccountAccessRules.Person);
        self.MapPost("/password", ChangePasswordAsync).Allow(AccountAccessRules.Person);
        self.MapPost("/second-factor", BeginSecondFactorAsync).Allow(AccountAccessRules.Person);
        self.MapPost("/second-factor/confirm", ConfirmSecondFactorAsync).Allow(AccountAccessRules.Person);
    }

    internal static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(HttpContext http, IGrainFactory grains) =>
        await Account(http, grains).GetAsync() is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("账户", http.Caller().Account!);

    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChange change, HttpContext http, IGrainFactory grains, AccountOptions options)
    {
        if (FieldLimits.Refusal(("current", change.Current, PasswordRules.MaxLength), ("next", change.Next, PasswordRules.MaxLength)) is { } tooLong)
            return tooLong;
        var login = http.Caller().Account!;
        if (PasswordRules.Problem(login, change.Next, options) is { } weak)
            return ApiProblems.BadRequest(weak);
        return await Account(http, grains).ChangePasswordAsync(change.Current ?? "", change.Next!) is { } refused
            ? ApiProblems.BadRequest(refused)
            : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<Enrolment>, ProblemHttpResult>> BeginSecondFactorAsync(HttpContext http, IGrainFactory grains)
    {
        var view = await Account(http, grains).GetAsync();
        if (view is null)
            return ApiProblems.NotFound("账户", http.Caller().Account!);
        if (view.SecondFactor)
            return ApiProblems.Conflict("已绑定动态口令;如需更换,请安全管理员重置 (a second factor is enrolled: the security administrator resets it to enrol another)");
        var enrolment = (await Account(http, grains).BeginSecondFactorAsync())!;
        using var qr = QRCodeGenerator.GenerateQrCode(enrolment.Uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(qr).GetGraphic(4);
        return TypedResults.Ok(new Enrolment(enrolment.Secret, enrolment.Uri, "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg))));
    }

    internal static async Task<Results<Ok<RecoveryCodes>, ProblemHttpResult>> ConfirmSecondFactorAsync(Code code, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("value", code.Value, 16)) is { } tooLong)
            return tooLong;
        return await Account(http, grains).ConfirmSecondFactorAsync(code.Value ?? "") is { } codes
            ? TypedResults.Ok(new RecoveryCodes(codes))
            : ApiProblems.BadRequest("动态口令不正确,或未先开始绑定 (the code does not match the secret being enrolled, or no enrolment was begun)");
    }

    private static IAccountGrain Account(HttpContext http, IGrainFactory grains) => grains.GetGrain<IAccountGrain>(http.Caller().Account!);
}
