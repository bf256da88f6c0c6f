using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Accounts;

[GenerateSerializer]
internal sealed class SessionState
{
    [Id(0)] public SessionIdentity? Identity { get; set; }
    [Id(1)] public DateTimeOffset StartedAt { get; set; }
    [Id(2)] public DateTimeOffset LastUsedAt { get; set; }
    [Id(3)] public DateTimeOffset? EndedAt { get; set; }
    [Id(4)] public string? EndReason { get; set; }
}

/// <summary>
/// See <see cref="ISessionGrain"/>. The time of last use is kept in memory on every request and written at most once a
/// minute, so a busy session costs no write per request; after a restart it may look up to a minute less idle than it was.
/// </summary>
internal sealed class SessionGrain(
    [PersistentState("session", GrainStorage.Name)] IPersistentState<SessionState> session,
    AccountOptions options,
    TimeProvider clock) : Grain, ISessionGrain
{
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    private DateTimeOffset _lastUsed;

    private SessionState S => session.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastUsed = S.LastUsedAt;
        return Task.CompletedTask;
    }

    public async Task StartAsync(SessionIdentity identity, string address, string browser)
    {
        var now = clock.Now();
        S.Identity = identity;
        S.StartedAt = S.LastUsedAt = _lastUsed = now;
        await session.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionDirectoryGrain>(ISessionDirectoryGrain.Key).AddAsync(new SessionEntry
        {
            Id = this.GetPrimaryKeyString(),
            Login = identity.Login,
            DisplayName = identity.DisplayName,
            Grant = identity.Grant,
            Address = address,
            Browser = browser,
            StartedAt = now,
            EndsBy = now + options.AbsoluteTimeout,
        });
    }

    public async Task<SessionIdentity?> UseAsync()
    {
        if (S.Identity is null || S.EndedAt is not null)
        {
            if (S.Identity is null)
                DeactivateOnIdle(); // a guessed or stale cookie leaves no activation behind
            return null;
        }
        var now = clock.Now();
        if (now - _lastUsed > options.IdleTimeout)
        {
            await EndAsync("idle timeout");
            return null;
        }
        if (now - S.StartedAt > options.AbsoluteTimeout)
        {
            await EndAsync("absolute timeout");
            return null;
        }
        _lastUsed = now;
        if (now - S.LastUsedAt >= UseResolution)
        {
            S.LastUsedAt = now;
            await session.WriteStateAsync();
        }
        return S.Identity;
    }

    public async Task<bool> EndAsync(string reason)
    {
        if (S.Identity is null)
            DeactivateOnIdle();
        if (S.Identity is null || S.EndedAt is not null)
            return false;
        S.EndedAt = clock.Now();
        S.EndReason = reason;
        await session.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionDirectoryGrain>(ISessionDirectoryGrain.Key).RemoveAsync(this.GetPrimaryKeyString());
        return true;
    }
}
