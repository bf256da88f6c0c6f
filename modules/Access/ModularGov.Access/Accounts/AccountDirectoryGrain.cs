using Microsoft.Extensions.DependencyInjection;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Access.Accounts;

[GenerateSerializer]
internal sealed class AccountDirectoryState
{
    [Id(0)] public int AccountCount { get; set; }
    /// <summary>The last few names added, so a retried creation does not list its account twice.</summary>
    [Id(1)] public List<string> RecentLogins { get; set; } = [];
}

/// <summary>See <see cref="IAccountDirectoryGrain"/>: the names in a <see cref="PagedList{T}"/>, the grain holding only the count.</summary>
internal sealed class AccountDirectoryGrain(
    [PersistentState("account-directory", GrainStorage.Name)] IPersistentState<AccountDirectoryState> state) : Grain, IAccountDirectoryGrain
{
    private const int RecentKept = 16;

    private PagedList<string> _logins = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _logins = new PagedList<string>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "account-directory-page", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task AddAsync(string login)
    {
        var s = state.State;
        if (s.RecentLogins.Contains(login))
            return;
        await _logins.AppendAsync(s.AccountCount, login);
        s.AccountCount++;
        s.RecentLogins.Add(login);
        if (s.RecentLogins.Count > RecentKept)
            s.RecentLogins.RemoveAt(0);
        await state.WriteStateAsync();
    }

    public Task<Page<string>> GetPageAsync(int after, int limit) => _logins.ReadPageAsync(after, limit, state.State.AccountCount);
}
