using System.Collections.Concurrent;

namespace ModularGov.Access;

/// <summary>
/// The hashes of presented tokens that were looked up and not found live, remembered for <see cref="RememberFor"/> so a
/// caller repeating one costs no grain call. At most <see cref="Capacity"/> entries: when full, the expired ones go, and
/// if none has expired the whole cache is emptied, so what callers send can never make it grow.
/// </summary>
internal sealed class FailedLookups(TimeProvider clock)
{
    public const int Capacity = 4096;
    public static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public int Count => _until.Count;

    public bool Contains(string hash)
    {
        if (!_until.TryGetValue(hash, out var until))
            return false;
        if (until > clock.GetUtcNow())
            return true;
        _until.TryRemove(KeyValuePair.Create(hash, until));
        return false;
    }

    public void Add(string hash)
    {
        var now = clock.GetUtcNow();
        if (_until.Count >= Capacity)
            MakeRoom(now);
        _until[hash] = now + RememberFor;
    }

    public void Remove(string hash) => _until.TryRemove(hash, out _);

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var entry in _until)
        {
            if (entry.Value <= now)
                _until.TryRemove(entry);
        }
        if (_until.Count >= Capacity)
            _until.Clear();
    }
}
