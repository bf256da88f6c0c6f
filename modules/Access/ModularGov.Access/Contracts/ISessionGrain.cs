namespace ModularGov.Access.Contracts;

/// <summary>
/// One signed-in session, keyed by the SHA-256 of its cookie's value (the value itself is never stored). A single
/// activation in the cluster, so ending it ends it on every silo at once.
/// </summary>
[Alias("ModularGov.Access.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task StartAsync(SessionIdentity identity, string address, string browser);

    /// <summary>What the session acts as, and the time of use noted; null once it has ended (signed out, idle, past its limit, forced).</summary>
    [Alias("Use")]
    Task<SessionIdentity?> UseAsync();

    /// <summary>False when it had already ended.</summary>
    [Alias("End")]
    Task<bool> EndAsync(string reason);
}

/// <summary>The sessions signed in now (在线用户), for the security administrator; bounded, pruned of those past their limit.</summary>
[Alias("ModularGov.Access.ISessionDirectoryGrain")]
public interface ISessionDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "district";

    [Alias("Add")]
    Task AddAsync(SessionEntry entry);

    [Alias("Remove")]
    Task RemoveAsync(string sessionId);

    [Alias("List")]
    Task<IReadOnlyList<SessionEntry>> ListAsync();
}
