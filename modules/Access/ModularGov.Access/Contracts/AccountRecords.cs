using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Contracts;

/// <summary>A role held in a scope: what an account may act as (one at a time, chosen at sign-in).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountGrant([property: Id(0)] Role Role, [property: Id(1)] Scope Scope);

/// <summary>An account as administrators see it: never its password, second-factor secret or recovery codes.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountView
{
    [Id(0)] public required string Login { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required IReadOnlyList<AccountGrant> Grants { get; init; }
    [Id(3)] public bool Disabled { get; init; }
    [Id(4)] public DateTimeOffset? LockedUntil { get; init; }
    [Id(5)] public bool SecondFactor { get; init; }
    [Id(6)] public DateTimeOffset PasswordChangedAt { get; init; }
    [Id(7)] public bool MustChangePassword { get; init; }
    [Id(8)] public DateTimeOffset CreatedAt { get; init; }
    [Id(9)] public required string CreatedBy { get; init; }
    [Id(10)] public DateTimeOffset? LastSignInAt { get; init; }
    [Id(11)] public int RecoveryCodesLeft { get; init; }
}

public enum SignInStatus
{
    SignedIn,
    /// <summary>An unknown name or a wrong password: the same answer for both.</summary>
    BadCredentials,
    Locked,
    /// <summary>Said only once the password was right, so it reveals nothing to someone guessing names.</summary>
    Disabled,
    SecondFactorRequired,
    SecondFactorWrong,
    /// <summary>Signed in, but the account holds no grant, or not the one asked for.</summary>
    NoGrant,
    /// <summary>The request itself is wrong (a name or password over its length): nothing was checked.</summary>
    Invalid,
}

/// <summary>How a sign-in ended; on success the account, and whether it must change its password or enrol a second factor before anything else.</summary>
[GenerateSerializer, Immutable]
public sealed record SignInOutcome(
    [property: Id(0)] SignInStatus Status,
    [property: Id(1)] AccountView? Account = null,
    [property: Id(2)] DateTimeOffset? LockedUntil = null,
    [property: Id(3)] bool MustChangePassword = false,
    [property: Id(4)] bool MustEnrolSecondFactor = false);

/// <summary>A second factor being enrolled: the secret (shown once, for the QR code) and the address authenticator apps read.</summary>
[GenerateSerializer, Immutable]
public sealed record SecondFactorEnrolment([property: Id(0)] string Secret, [property: Id(1)] string Uri);

/// <summary>What a session acts as: the account, its grant, and what it must do before anything else.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionIdentity(
    [property: Id(0)] string Login,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] AccountGrant Grant,
    [property: Id(3)] bool MustChangePassword,
    [property: Id(4)] bool MustEnrolSecondFactor)
{
    public AccessIdentity Identity => new(Grant.Role, Grant.Scope, Accounts.ActorId(Login), DisplayName, null, Login);
}

/// <summary>A session as 在线用户 lists it: its id is the session grain's key (the cookie's hash), never the cookie.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionEntry
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Login { get; init; }
    [Id(2)] public required string DisplayName { get; init; }
    [Id(3)] public required AccountGrant Grant { get; init; }
    [Id(4)] public required string Address { get; init; }
    [Id(5)] public required string Browser { get; init; }
    [Id(6)] public DateTimeOffset StartedAt { get; init; }
    [Id(7)] public DateTimeOffset EndsBy { get; init; }
}

public static class Accounts
{
    /// <summary>How an account shows where a token's id would (in logs, four-eyes checks, rate limits): <c>acct:zhangsan</c>.</summary>
    public static string ActorId(string login) => $"acct:{login}";
}
