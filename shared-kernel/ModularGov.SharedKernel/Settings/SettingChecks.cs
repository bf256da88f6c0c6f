using System.Globalization;

namespace ModularGov.SharedKernel.Settings;

/// <summary>
/// Collects what is wrong with a section's values, each as one line naming the key and the value given, e.g.
/// <c>Dispatch:OrdinaryWorkingDays must be between 1 and 60 (was 0)</c>.
/// </summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public SettingChecks Between(string key, long value, long min, long max) =>
        That(value >= min && value <= max, key, $"must be between {min} and {max}", value.ToString(CultureInfo.InvariantCulture));

    public SettingChecks Between(string key, double value, double min, double max) =>
        That(value >= min && value <= max, key, $"must be between {Show(min)} and {Show(max)}", Show(value));

    public SettingChecks Between(string key, TimeSpan value, TimeSpan min, TimeSpan max) =>
        That(value >= min && value <= max, key, $"must be between {min:c} and {max:c}", value.ToString("c"));

    public SettingChecks NotEmpty(string key, string? value) =>
        That(!string.IsNullOrWhiteSpace(value), key, "must not be empty", $"'{value}'");

    public SettingChecks OneOf(string key, string value, IReadOnlyCollection<string> allowed) =>
        That(allowed.Contains(value), key, $"must be one of {string.Join(", ", allowed)}", $"'{value}'");

    /// <summary>Records a problem unless <paramref name="holds"/>.</summary>
    /// <param name="holds">Whether the value is good.</param>
    /// <param name="key">The key within the section, e.g. <c>AdvertisedIp</c>.</param>
    /// <param name="rule">What the value must be, e.g. <c>must be an IP address</c>.</param>
    /// <param name="was">The value as the operator may see it (say a secret's length, never the secret).</param>
    public SettingChecks That(bool holds, string key, string rule, string was)
    {
        if (!holds)
            _problems.Add($"{section}:{key} {rule} (was {was})");
        return this;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
