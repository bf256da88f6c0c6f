using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Contracts;

/// <summary>
/// One person's account, keyed by its login name: the password hash and the last few, the grants, the lockout, the second
/// factor and the sessions signed in. Every check of a password or code happens here, one at a time per account, so the
/// lockout counts every attempt.
/// </summary>
[Alias("ModularGov.Access.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>False when the name is taken.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(string displayName, string password, IReadOnlyList<AccountGrant> grants, string createdBy);

    [Alias("SignIn")]
    Task<SignInOutcome> SignInAsync(string password, string? code);

    /// <summary>Null when changed (every session of the account ends); else why not.</summary>
    [Alias("ChangePassword")]
    Task<string?> ChangePasswordAsync(string current, string next);

    /// <summary>A new password set by an administrator, to be changed at the next sign-in; every session ends. False for no such account.</summary>
    [Alias("ResetPassword")]
    Task<bool> ResetPasswordAsync(string password);

    /// <summary>Null when set (every session ends, so none acts on the old grants); else why not.</summary>
    [Alias("SetGrants")]
    Task<string?> SetGrantsAsync(IReadOnlyList<AccountGrant> grants);

    [Alias("SetDisabled")]
    Task<bool> SetDisabledAsync(bool disabled);

    [Alias("Unlock")]
    Task<bool> UnlockAsync();

    [Alias("BeginSecondFactor")]
    Task<SecondFactorEnrolment?> BeginSecondFactorAsync();

    /// <summary>The recovery codes (shown once) when the code matches the secret being enrolled; null when not. Every session ends.</summary>
    [Alias("ConfirmSecondFactor")]
    Task<IReadOnlyList<string>?> ConfirmSecondFactorAsync(string code);

    [Alias("ResetSecondFactor")]
    Task<bool> ResetSecondFactorAsync();

    /// <summary>
    /// The way back in from the host's command line: unlocks, removes the second factor and sets a one-time password, which
    /// it returns (null for no such account); every session ends.
    /// </summary>
    [Alias("Recover")]
    Task<string?> RecoverAsync();

    /// <summary>Remembers a session signed in, so the changes above can end it; the oldest ends beyond the most an account may hold.</summary>
    [Alias("AddSession")]
    Task AddSessionAsync(string sessionId);

    [Alias("Get")]
    Task<AccountView?> GetAsync();
}

/// <summary>Every account's login name, in the order created, in pages.</summary>
[Alias("ModularGov.Access.IAccountDirectoryGrain")]
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "district";

    [Alias("Add")]
    Task AddAsync(string login);

    [Alias("GetPage")]
    Task<Page<string>> GetPageAsync(int after, int limit);
}
