using System.Collections.Concurrent;
using ModularGov.Access.Contracts;

namespace ModularGov.Access;

/// <summary>
/// Tokens verified lately, by public id (with the full hash to match): trusted for <see cref="TrustFor"/> (never past their expiry) without asking their
/// grain again, so a busy caller costs no grain call per request. A revocation in this silo forgets them at once; other
/// silos trust them until their entry runs out. Each entry also remembers when the token's use was last reported, so
/// the token's grain hears of its use at most once per <see cref="TokenRecord.UseResolution"/>, not once per request.
/// </summary>
internal sealed class VerifiedTokens(TimeProvider clock)
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(30);

    /// <summary>Past this many entries an addition first drops the ones that ran out.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal sealed class Entry(string hash, VerifiedToken token, DateTimeOffset until, long reportedTicks)
    {
        private long _reportedTicks = reportedTicks;

        public string Hash { get; } = hash;
        public VerifiedToken Token { get; } = token;
        public DateTimeOffset Until { get; } = until;
        public long ReportedTicks => Interlocked.Read(ref _reportedTicks);

        /// <summary>True for exactly one caller per <see cref="TokenRecord.UseResolution"/>: the one that reports the use.</summary>
        public bool TakeUseReport(DateTimeOffset now)
        {
            var last = Interlocked.Read(ref _reportedTicks);
            return now.UtcTicks - last >= TokenRecord.UseResolution.Ticks
                && Interlocked.CompareExchange(ref _reportedTicks, now.UtcTicks, last) == last;
        }
    }

    public Entry? Find(string hash)
    {
        var id = TokenIssuer.IdOfHash(hash);
        if (!_entries.TryGetValue(id, out var entry) || entry.Hash != hash)
            return null;
        // A stale entry stays until the token is verified again (or pruned), so its last reported use is not forgotten.
        return entry.Until > clock.GetUtcNow() ? entry : null;
    }

    public Entry Add(string hash, VerifiedToken token)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count > PruneAbove)
        {
            foreach (var stale in _entries.Where(e => e.Value.Until <= now))
                _entries.TryRemove(stale);
        }
        var until = now + TrustFor < token.ExpiresAt ? now + TrustFor : token.ExpiresAt;
        var id = TokenIssuer.IdOfHash(hash);
        var reported = _entries.TryGetValue(id, out var earlier) && earlier.Hash == hash ? earlier.ReportedTicks : 0;
        return _entries[id] = new Entry(hash, token, until, reported);
    }

    /// <summary>Forgets the token with this public id (revoked, or found no longer live).</summary>
    public void Forget(string tokenId) => _entries.TryRemove(tokenId, out _);
}
