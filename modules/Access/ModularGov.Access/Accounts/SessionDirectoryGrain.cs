using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Accounts;

[GenerateSerializer]
internal sealed class SessionDirectoryState
{
    [Id(0)] public List<SessionEntry> Sessions { get; set; } = [];
}

/// <summary>
/// See <see cref="ISessionDirectoryGrain"/>. Every session ends by its absolute limit, so those past it are pruned at each
/// change; beyond <see cref="MaxSessions"/> live ones the oldest is ended, so the list stays bounded by design.
/// </summary>
internal sealed class SessionDirectoryGrain(
    [PersistentState("session-directory", GrainStorage.Name)] IPersistentState<SessionDirectoryState> directory,
    TimeProvider clock) : Grain, ISessionDirectoryGrain
{
    public const int MaxSessions = 5000;

    private List<SessionEntry> Sessions => directory.State.Sessions;

    public async Task AddAsync(SessionEntry entry)
    {
        Prune();
        Sessions.Add(entry);
        var oldest = Sessions.Count > MaxSessions ? Sessions[0] : null;
        if (oldest is not null)
            Sessions.RemoveAt(0);
        await directory.WriteStateAsync();
        if (oldest is not null)
            GrainFactory.GetGrain<ISessionGrain>(oldest.Id).EndAsync($"more than {MaxSessions} sessions in the district").Ignore();
    }

    public async Task RemoveAsync(string sessionId)
    {
        if (Sessions.RemoveAll(s => s.Id == sessionId) + Prune() > 0)
            await directory.WriteStateAsync();
    }

    public Task<IReadOnlyList<SessionEntry>> ListAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<SessionEntry>>(Sessions.Where(s => s.EndsBy > now).ToList());
    }

    private int Prune()
    {
        var now = clock.GetUtcNow();
        return Sessions.RemoveAll(s => s.EndsBy <= now);
    }
}
