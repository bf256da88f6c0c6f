using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access.Accounts;

/// <summary>
/// <c>/api/accounts</c> (三员): the system administrator creates, disables, enables and resets the password of others' accounts;
/// the security administrator sets their grants, unlocks them and resets their second factor. No one acts on their own account here.
/// </summary>
internal static class AccountEndpoints
{
    public const int MaxDisplayName = 50;

    public sealed record NewAccount(string? Login, string? DisplayName);

    public sealed record Created(string Login, string InitialPassword);

    public sealed record GrantText(string? Role, string? Scope);

    public sealed record Grants(IReadOnlyList<GrantText?>? Items);

    public static void Map(IEndpointRouteBuilder api)
    {
        var accounts = api.MapPlaceGroup<DistrictPlace>("/accounts").WithTags("Access").WithMetadata(new OpenToRole(Role.SecurityAdmin));
        accounts.MapPost("", CreateAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapGet("", ListAsync).Allow(AccountAccessRules.AccountAdmins);
        accounts.MapGet("/{login}", GetAsync).Allow(AccountAccessRules.AccountAdmins);
        accounts.MapPost("/{login}/disable", DisableAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/enable", EnableAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPost("/{login}/password-reset", ResetPasswordAsync).Allow(AccountAccessRules.SystemAdmin);
        accounts.MapPut("/{login}/grants", SetGrantsAsync).Allow(AccountAccessRules.SecurityAdmin);
        accounts.MapPost("/{login}/unlock", UnlockAsync).Allow(AccountAccessRules.SecurityAdmin);
        accounts.MapPost("/{login}/second-factor-reset", ResetSecondFactorAsync).Allow(AccountAccessRules.SecurityAdmin);
    }

    internal static async Task<Results<Created<Created>, ProblemHttpResult>> CreateAsync(NewAccount request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("login", request.Login, LoginNames.MaxLength), ("displayName", request.DisplayName, MaxDisplayName)) is { } tooLong)
            return tooLong;
        var login = LoginNames.Normalize(request.Login);
        if (!LoginNames.IsValid(login))
            return ApiProblems.BadRequest($"login '{request.Login}' is not {LoginNames.Rule}");
        if (string.IsNullOrWhiteSpace(request.DisplayName))
            return ApiProblems.BadRequest("displayName is required (the person's name)");
        if (TextRules.Check("displayName", request.DisplayName, MaxDisplayName) is { } badName)
            return ApiProblems.BadRequest(badName);
        var password = InitialPasswords.New();
        if (!await grains.GetGrain<IAccountGrain>(login).CreateAsync(request.DisplayName.Trim(), password, [], http.Caller().Label))
            return ApiProblems.Conflict($"login '{login}' is taken");
        await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).AddAsync(login);
        return TypedResults.Created($"/api/accounts/{login}", new Created(login, password));
    }

    private static async Task<Results<Ok<IReadOnlyList<AccountView>>, ProblemHttpResult>> ListAsync(string? after, string? limit, HttpContext http, IGrainFactory grains)
    {
        if (Paging.Read(after, limit, out var page) is { } badPage)
            return badPage;
        var (views, nextAfter) = await PageAsync(grains, page.After, page.Limit);
        Paging.LinkNext(http, nextAfter, page);
        return TypedResults.Ok(views);
    }

    /// <summary>The accounts after position <paramref name="after"/> in the directory, and where the next page starts (null after the last).</summary>
    internal static async Task<(IReadOnlyList<AccountView> Accounts, int? NextAfter)> PageAsync(IGrainFactory grains, int after, int limit)
    {
        var logins = await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).GetPageAsync(after, limit);
        var views = await Task.WhenAll(logins.Items.Distinct().Select(l => grains.GetGrain<IAccountGrain>(l).GetAsync()));
        return (views.OfType<AccountView>().ToList(), logins.NextAfter);
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(string login, IGrainFactory grains) =>
        Refusal(login) is { } refused ? refused
        : await grains.GetGrain<IAccountGrain>(login).GetAsync() is { } view ? TypedResults.Ok(view)
        : ApiProblems.NotFound("账户", login);

    internal static Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string login, HttpContext http, IGrainFactory grains) =>
        OnOtherAsync(login, http, account => account.SetDisabledAsync(true), grains);

    internal static Task<Results<NoContent, ProblemHttpResult>> EnableAsync(string login, HttpContext http, IGrainFactory grains) =>
        OnOtherAsync(login, http, account => account.SetDisabledAsync(false), grains);

    internal static Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(string login, HttpContext http, IGrainFactory grains) =>
        OnOtherAsync(login, http, account => account.UnlockAsync(), grains);

    internal static Task<Results<NoContent, ProblemHttpResult>> ResetSecondFactorAsync(string login, HttpContext http, IGrainFactory grains) =>
        OnOtherAsync(login, http, account => account.ResetSecondFactorAsync(), grains);

    internal static async Task<Results<Ok<Created>, ProblemHttpResult>> ResetPasswordAsync(string login, HttpContext http, IGrainFactory grains)
    {
        if (Refusal(login, http) is { } refused)
            return refused;
        var password = InitialPasswords.New();
        return await grains.GetGrain<IAccountGrain>(login).ResetPasswordAsync(password)
            ? TypedResults.Ok(new Created(login, password))
            : ApiProblems.NotFound("账户", login);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetGrantsAsync(string login, Grants request, HttpContext http, IGrainFactory grains, IStreetDirectory streets)
    {
        if (Refusal(login, http) is { } refused)
            return refused;
        if (FieldLimits.Each("items", request.Items, AccountGrain.MaxGrants, (grant, path) =>
                FieldLimits.Refusal(($"{path}.role", grant.Role, TextRules.MaxId), ($"{path}.scope", grant.Scope, TextRules.MaxId))) is { } tooLong)
            return tooLong;
        var grants = new List<AccountGrant>();
        foreach (var item in request.Items ?? [])
        {
            if (item is null)
                return ApiProblems.BadRequest("a grant is null");
            if (TokenIssuePolicy.GrantProblem(item.Role, item.Scope, streets, out var role, out var scope) is { } bad)
                return ApiProblems.BadRequest(bad);
            grants.Add(new AccountGrant(role, scope));
        }
        return await grains.GetGrain<IAccountGrain>(login).SetGrantsAsync(grants) switch
        {
            null => TypedResults.NoContent(),
            "no such account" => ApiProblems.NotFound("账户", login),
            var problem => ApiProblems.BadRequest(problem),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> OnOtherAsync(string login, HttpContext http, Func<IAccountGrain, Task<bool>> change, IGrainFactory grains)
    {
        if (Refusal(login, http) is { } refused)
            return refused;
        return await change(grains.GetGrain<IAccountGrain>(login)) ? TypedResults.NoContent() : ApiProblems.NotFound("账户", login);
    }

    /// <summary>A malformed name is a 400; one's own account a 403 (no one unlocks, re-enables or grants themselves).</summary>
    private static ProblemHttpResult? Refusal(string login, HttpContext? http = null)
    {
        if (!LoginNames.IsValid(login))
            return ApiProblems.BadRequest($"login '{login}' is not {LoginNames.Rule}");
        if (http?.Caller().Account == login)
            return ApiProblems.Forbidden("不能管理自己的账户 (no one changes their own account here: another administrator does)");
        return null;
    }
}
