using ModularGov.SharedKernel.Settings;
using StackExchange.Redis;

namespace ModularGov.Host.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
internal sealed class StorageOptions : ICheckedOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <c>LiteDb</c> (default: one file under <see cref="DataDir"/>, one host), <c>Redis</c> (a cluster: clustering,
    /// grain state and reminders all in the Redis at <see cref="Redis"/>), or <c>Memory</c> (tests; forgets on stop).
    /// </summary>
    public string Provider { get; set; } = StorageProviders.LiteDb;

    /// <summary>Where the district's data lives; relative paths are relative to the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The Redis server of a cluster, as a StackExchange.Redis configuration string (e.g. <c>10.0.0.5:6379,password=…</c>).</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>fsync LiteDB's log after every commit, before acknowledging (default): survives a power loss, costs a disk flush.</summary>
    public bool Fsync { get; set; } = true;

    public string FullDataDir => Path.GetFullPath(DataDir);

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .OneOf(nameof(Provider), Provider, StorageProviders.All)
        .NotEmpty(nameof(DataDir), DataDir)
        .That(IsRedisConfiguration(Redis), nameof(Redis), "must be a StackExchange.Redis configuration string, e.g. 127.0.0.1:6379", $"'{Redis}'")
        .Problems;

    private static bool IsRedisConfiguration(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

internal static class StorageProviders
{
    public const string LiteDb = "LiteDb";
    public const string Memory = "Memory";
    public const string Redis = "Redis";

    public static readonly string[] All = [LiteDb, Redis, Memory];
}
