using ModularGov.SharedKernel.Settings;

namespace ModularGov.Access.Accounts;

/// <summary>Configuration section <c>Accounts</c>: the password policy, the lockout and the session limits, with the defaults MLPS level 3 reviewers expect.</summary>
internal sealed class AccountOptions : ICheckedOptions
{
    public const string Section = "Accounts";

    public int MinimumPasswordLength { get; set; } = 8;

    /// <summary>How many of the four classes (lower case, upper case, digits, other) a password mixes.</summary>
    public int RequiredCharacterClasses { get; set; } = 3;

    /// <summary>A new password may not be any of the account's last this many.</summary>
    public int PasswordHistory { get; set; } = 5;

    public int PasswordExpiryDays { get; set; } = 90;

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session unused this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after its sign-in, however busy.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(MinimumPasswordLength), MinimumPasswordLength, 8, 128)
        .Between(nameof(RequiredCharacterClasses), RequiredCharacterClasses, 2, 4)
        .Between(nameof(PasswordHistory), PasswordHistory, 1, 24)
        .Between(nameof(PasswordExpiryDays), PasswordExpiryDays, 1, 365)
        .Between(nameof(MaxFailedSignIns), MaxFailedSignIns, 3, 10)
        .Between(nameof(Lockout), Lockout, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1))
        .Between(nameof(IdleTimeout), IdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2))
        .Between(nameof(AbsoluteTimeout), AbsoluteTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24))
        .That(AbsoluteTimeout >= IdleTimeout, nameof(AbsoluteTimeout), $"must not be shorter than {Section}:{nameof(IdleTimeout)}", AbsoluteTimeout.ToString("c"))
        .Problems;
}
