using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Access.Accounts;

/// <summary>See <see cref="ISessions"/>. A session id is 32 random bytes (base64url); only its SHA-256 is ever stored, as the session grain's key.</summary>
internal sealed class Sessions(IGrainFactory grains) : ISessions
{
    private const int IdLength = 43;

    public async Task<SignInResult> SignInAsync(SignInRequest request, string address, string browser)
    {
        var login = LoginNames.Normalize(request.Login);
        if (login.Length is 0 or > LoginNames.MaxLength || string.IsNullOrEmpty(request.Password) || request.Password.Length > PasswordRules.MaxLength
            || request.Code?.Length > 16)
            return new SignInResult(SignInStatus.Invalid, Error: $"login is 1–{LoginNames.MaxLength} characters, password 1–{PasswordRules.MaxLength}, code at most 16") { Login = TextRules.Cut(login, 64) };
        var outcome = await grains.GetGrain<IAccountGrain>(login).SignInAsync(request.Password, request.Code);
        if (outcome.Status != SignInStatus.SignedIn)
            return new SignInResult(outcome.Status, LockedUntil: outcome.LockedUntil) { Login = login };
        var account = outcome.Account!;
        if (Choose(account, request) is not { } grant)
            return new SignInResult(SignInStatus.NoGrant, Error: account.Grants.Count == 0
                ? "账户尚未授权,请联系安全管理员 (the account holds no grant yet: ask the security administrator)"
                : $"the account holds no grant {request.Role} {request.Scope}; it holds {string.Join(", ", account.Grants.Select(g => $"{g.Role.Name()} {g.Scope}"))}") { Login = login };

        var sessionId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = KeyOf(sessionId);
        var identity = new SessionIdentity(login, account.DisplayName, grant, outcome.MustChangePassword, outcome.MustEnrolSecondFactor);
        await grains.GetGrain<ISessionGrain>(key).StartAsync(identity, address, browser);
        await grains.GetGrain<IAccountGrain>(login).AddSessionAsync(key);
        return new SignInResult(SignInStatus.SignedIn, sessionId, identity) { Login = login };
    }

    public async Task<SessionIdentity?> AuthenticateAsync(string sessionId) =>
        IsShaped(sessionId) ? await grains.GetGrain<ISessionGrain>(KeyOf(sessionId)).UseAsync() : null;

    public async Task<bool> SignOutAsync(string sessionId) =>
        IsShaped(sessionId) && await grains.GetGrain<ISessionGrain>(KeyOf(sessionId)).EndAsync("signed out");

    private static AccountGrant? Choose(AccountView account, SignInRequest request)
    {
        if (request.Role is null)
            return account.Grants.FirstOrDefault();
        return account.Grants.FirstOrDefault(g => g.Role.Name() == request.Role && (request.Scope is null || g.Scope.ToString() == request.Scope));
    }

    /// <summary>The session grain's key: the id's SHA-256, so neither the store nor a list of sessions holds what the cookie holds.</summary>
    public static string KeyOf(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(sessionId)));

    private static bool IsShaped(string sessionId) => sessionId.Length == IdLength && sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
