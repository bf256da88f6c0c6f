using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Audit;

/// <summary>Configuration section <c>Audit</c>: how long the operation and sign-in log is kept, and the hash that chains it.</summary>
internal sealed class AuditOptions : ICheckedOptions
{
    public const string Section = "Audit";

    /// <summary>The Cybersecurity Law (网络安全法 §21) asks for at least six months of logs.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>Days an entry is kept before the daily purge removes it; never below <see cref="MinimumRetentionDays"/>.</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary><c>sha256</c> (default) or <c>sm3</c> (GB/T 32905, for a review that asks for 商用密码); applies to entries written from now on.</summary>
    public string Hash { get; set; } = AuditHashes.Sha256;

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(RetentionDays), RetentionDays, MinimumRetentionDays, 36500)
        .OneOf(nameof(Hash), Hash, AuditHashes.All)
        .Problems;
}
