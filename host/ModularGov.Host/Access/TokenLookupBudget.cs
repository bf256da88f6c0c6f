using System.Net;
using System.Threading.RateLimiting;
using ModularGov.Host.Hosting;

namespace ModularGov.Host.Access;

/// <summary>
/// How many token lookups (a token neither malformed nor remembered, so its grain must be asked) one client address may
/// cause per window: the same budget as its requests (<see cref="RateLimits"/>). Spent only by lookups, never by a
/// remembered token, so many callers behind one address do not share a budget for their requests; a flood of random
/// well-shaped tokens from one address reaches at most this many grains, and the rest are refused unread.
/// </summary>
internal sealed class TokenLookupBudget(RateLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerWindow,
            Window = limits.Window,
            QueueLimit = 0,
        }));

    public bool TryTake(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
