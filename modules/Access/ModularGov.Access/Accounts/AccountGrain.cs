using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Accounts;

[GenerateSerializer]
internal sealed class AccountState
{
    [Id(0)] public string? PasswordHash { get; set; }
    /// <summary>The hashes of the passwords before the current one, newest first, as many as the policy's history.</summary>
    [Id(1)] public List<string> PreviousHashes { get; set; } = [];
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public List<AccountGrant> Grants { get; set; } = [];
    [Id(4)] public bool Disabled { get; set; }
    [Id(5)] public int FailedSignInCount { get; set; }
    [Id(6)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(7)] public DateTimeOffset PasswordChangedAt { get; set; }
    [Id(8)] public bool MustChangePassword { get; set; }
    [Id(9)] public string? SecondFactorSecret { get; set; }
    [Id(10)] public string? PendingSecret { get; set; }
    /// <summary>The last TOTP time step accepted: a code is taken only for a later one.</summary>
    [Id(11)] public long LastStep { get; set; }
    [Id(12)] public List<string> RecoveryCodeHashes { get; set; } = [];
    /// <summary>The sessions signed in (their grain keys), oldest first, at most <see cref="AccountGrain.MaxSessions"/>.</summary>
    [Id(13)] public List<string> Sessions { get; set; } = [];
    [Id(14)] public DateTimeOffset CreatedAt { get; set; }
    [Id(15)] public string CreatedBy { get; set; } = "";
    [Id(16)] public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>See <see cref="IAccountGrain"/>. A name no account has answers exactly as a wrong password does, lockout included.</summary>
internal sealed class AccountGrain(
    [PersistentState("account", GrainStorage.Name)] IPersistentState<AccountState> account,
    AccountOptions options,
    TimeProvider clock) : Grain, IAccountGrain
{
    public const int MaxSessions = 10;
    public const int MaxGrants = 8;

    /// <summary>A hash no password gives, checked for a name with no account so that answering takes as long as for one with.</summary>
    private static readonly Lazy<string> Decoy = new(() => PasswordHashing.HashAsync(Guid.NewGuid().ToString()).Result);

    /// <summary>Failures against a name with no account, kept only in memory: the answer locks as an account would, and nothing is stored.</summary>
    private int _unknownFailures;
    private DateTimeOffset? _unknownLockedUntil;

    private AccountState S => account.State;

    private bool Exists => S.PasswordHash is not null;

    private string Login => this.GetPrimaryKeyString();

    public async Task<bool> CreateAsync(string displayName, string password, IReadOnlyList<AccountGrant> grants, string createdBy)
    {
        if (Exists)
            return false;
        var now = clock.Now();
        S.PasswordHash = await PasswordHashing.HashAsync(password);
        S.DisplayName = displayName;
        S.Grants = [.. grants];
        S.PasswordChangedAt = now;
        S.MustChangePassword = true;
        S.CreatedAt = now;
        S.CreatedBy = createdBy;
        await account.WriteStateAsync();
        return true;
    }

    public async Task<SignInOutcome> SignInAsync(string password, string? code)
    {
        var now = clock.Now();
        if (!Exists)
            return await RefuseUnknownAsync(password, now);
        if (S.LockedUntil is { } locked && locked > now)
            return new SignInOutcome(SignInStatus.Locked, LockedUntil: locked);
        if (!await PasswordHashing.VerifyAsync(S.PasswordHash!, password))
            return await FailAsync(SignInStatus.BadCredentials, now);
        if (S.Disabled)
            return new SignInOutcome(SignInStatus.Disabled);
        if (S.SecondFactorSecret is { } secret)
        {
            if (string.IsNullOrWhiteSpace(code))
                return new SignInOutcome(SignInStatus.SecondFactorRequired);
            if (SecondFactor.MatchingStep(secret, code, now, S.LastStep) is { } step)
                S.LastStep = step;
            else if (!S.RecoveryCodeHashes.Remove(SecondFactor.HashRecoveryCode(code)))
                return await FailAsync(SignInStatus.SecondFactorWrong, now);
        }
        ClearLock();
        S.LastSignInAt = now;
        await account.WriteStateAsync();
        var mustChange = S.MustChangePassword || now - S.PasswordChangedAt > TimeSpan.FromDays(options.PasswordExpiryDays);
        var mustEnrol = S.SecondFactorSecret is null && S.Grants.Any(g => g.Role.NeedsSecondFactor());
        return new SignInOutcome(SignInStatus.SignedIn, View(), MustChangePassword: mustChange, MustEnrolSecondFactor: mustEnrol);
    }

    private async Task<SignInOutcome> FailAsync(SignInStatus status, DateTimeOffset now)
    {
        S.FailedSignInCount++;
        if (S.FailedSignInCount >= options.MaxFailedSignIns)
        {
            S.FailedSignInCount = 0;
            S.LockedUntil = now + options.Lockout;
        }
        await account.WriteStateAsync();
        return S.LockedUntil is { } locked && locked > now ? new SignInOutcome(SignInStatus.Locked, LockedUntil: locked) : new SignInOutcome(status);
    }

    private async Task<SignInOutcome> RefuseUnknownAsync(string password, DateTimeOffset now)
    {
        if (_unknownLockedUntil is { } locked && locked > now)
            return new SignInOutcome(SignInStatus.Locked, LockedUntil: locked);
        await PasswordHashing.VerifyAsync(Decoy.Value, password);
        if (++_unknownFailures < options.MaxFailedSignIns)
            return new SignInOutcome(SignInStatus.BadCredentials);
        _unknownFailures = 0;
        _unknownLockedUntil = now + options.Lockout;
        return new SignInOutcome(SignInStatus.Locked, LockedUntil: _unknownLockedUntil);
    }

    public async Task<string?> ChangePasswordAsync(string current, string next)
    {
        if (!Exists)
            return "no such account";
        var now = clock.Now();
        if (S.LockedUntil is { } locked && locked > now)
            return $"账户已锁定 (the account is locked until {locked:HH:mm})";
        if (!await PasswordHashing.VerifyAsync(S.PasswordHash!, current))
        {
            await FailAsync(SignInStatus.BadCredentials, now);
            return "当前密码错误 (the current password is wrong)";
        }
        var recent = S.PreviousHashes.Prepend(S.PasswordHash!).Take(options.PasswordHistory).ToList();
        if (await PasswordHashing.IsAnyAsync(recent, next))
            return $"新密码不得与最近 {options.PasswordHistory} 次使用的密码相同 (the new password may not be one of the last {options.PasswordHistory})";
        await SetPasswordAsync(next, mustChange: false);
        S.FailedSignInCount = 0;
        await EndSessionsAsync("password changed");
        return null;
    }

    public async Task<bool> ResetPasswordAsync(string password)
    {
        if (!Exists)
            return false;
        await SetPasswordAsync(password, mustChange: true);
        await EndSessionsAsync("password reset by an administrator");
        return true;
    }

    public async Task<string?> SetGrantsAsync(IReadOnlyList<AccountGrant> grants)
    {
        if (!Exists)
            return "no such account";
        if (AccountGrants.Problem(grants) is { } problem)
            return problem;
        S.Grants = [.. grants];
        await EndSessionsAsync("grants changed");
        return null;
    }

    public async Task<bool> SetDisabledAsync(bool disabled)
    {
        if (!Exists)
            return false;
        S.Disabled = disabled;
        if (disabled)
            await EndSessionsAsync("account disabled");
        else
            await account.WriteStateAsync();
        return true;
    }

    public async Task<bool> UnlockAsync()
    {
        if (!Exists)
            return false;
        ClearLock();
        await account.WriteStateAsync();
        return true;
    }

    public async Task<SecondFactorEnrolment?> BeginSecondFactorAsync()
    {
        if (!Exists)
            return null;
        S.PendingSecret = SecondFactor.NewSecret();
        await account.WriteStateAsync();
        return new SecondFactorEnrolment(S.PendingSecret, SecondFactor.EnrolmentUri(S.PendingSecret, Login));
    }

    public async Task<IReadOnlyList<string>?> ConfirmSecondFactorAsync(string code)
    {
        if (S.PendingSecret is not { } pending || SecondFactor.MatchingStep(pending, code, clock.Now(), 0) is not { } step)
            return null;
        var codes = SecondFactor.NewRecoveryCodes();
        S.SecondFactorSecret = pending;
        S.PendingSecret = null;
        S.LastStep = step;
        S.RecoveryCodeHashes = [.. codes.Select(SecondFactor.HashRecoveryCode)];
        await EndSessionsAsync("second factor enrolled");
        return codes;
    }

    public async Task<bool> ResetSecondFactorAsync()
    {
        if (!Exists)
            return false;
        ForgetSecondFactor();
        await EndSessionsAsync("second factor reset by an administrator");
        return true;
    }

    public async Task<string?> RecoverAsync()
    {
        if (!Exists)
            return null;
        var password = InitialPasswords.New();
        ForgetSecondFactor();
        ClearLock();
        await ResetPasswordAsync(password);
        return password;
    }

    /// <summary>The current password joins the last ones (as many as the policy's history keeps) and the new one replaces it.</summary>
    private async Task SetPasswordAsync(string password, bool mustChange)
    {
        S.PreviousHashes = [.. S.PreviousHashes.Prepend(S.PasswordHash!).Take(options.PasswordHistory - 1)];
        S.PasswordHash = await PasswordHashing.HashAsync(password);
        S.PasswordChangedAt = clock.Now();
        S.MustChangePassword = mustChange;
    }

    private void ForgetSecondFactor()
    {
        S.SecondFactorSecret = null;
        S.PendingSecret = null;
        S.RecoveryCodeHashes = [];
    }

    private void ClearLock()
    {
        S.FailedSignInCount = 0;
        S.LockedUntil = null;
    }

    public async Task AddSessionAsync(string sessionId)
    {
        S.Sessions.Add(sessionId);
        var oldest = S.Sessions.Count > MaxSessions ? S.Sessions[0] : null;
        if (oldest is not null)
            S.Sessions.RemoveAt(0);
        await account.WriteStateAsync();
        if (oldest is not null)
            await GrainFactory.GetGrain<ISessionGrain>(oldest).EndAsync($"more than {MaxSessions} sessions");
    }

    public Task<AccountView?> GetAsync() => Task.FromResult(Exists ? View() : null);

    /// <summary>Writes the change with the sessions forgotten, then ends each: none acts on what the change replaced.</summary>
    private async Task EndSessionsAsync(string reason)
    {
        var sessions = S.Sessions;
        S.Sessions = [];
        await account.WriteStateAsync();
        await Task.WhenAll(sessions.Select(id => GrainFactory.GetGrain<ISessionGrain>(id).EndAsync(reason)));
    }

    private AccountView View() => new()
    {
        Login = Login,
        DisplayName = S.DisplayName,
        Grants = S.Grants,
        Disabled = S.Disabled,
        LockedUntil = S.LockedUntil > clock.GetUtcNow() ? S.LockedUntil : null,
        SecondFactor = S.SecondFactorSecret is not null,
        PasswordChangedAt = S.PasswordChangedAt,
        MustChangePassword = S.MustChangePassword,
        CreatedAt = S.CreatedAt,
        CreatedBy = S.CreatedBy,
        LastSignInAt = S.LastSignInAt,
        RecoveryCodesLeft = S.RecoveryCodeHashes.Count,
    };
}
