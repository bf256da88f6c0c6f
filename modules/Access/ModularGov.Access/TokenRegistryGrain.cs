using Microsoft.Extensions.DependencyInjection;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Access;

[GenerateSerializer]
internal sealed class TokenRegistryState
{
    [Id(0)] public int TokenCount { get; set; }
    /// <summary>The last few ids appended, so a retried issue does not list its token twice.</summary>
    [Id(1)] public List<string> RecentTokens { get; set; } = [];
}

/// <summary>
/// A registry of token ids (the district's, or one street's) in a <see cref="PagedList{T}"/>: appending writes one
/// page of at most 128 ids and the count, reading takes the pages asked for, however many tokens were ever issued.
/// </summary>
internal sealed class TokenRegistryGrain(
    [PersistentState("token-registry", GrainStorage.Name)] IPersistentState<TokenRegistryState> state) : Grain, ITokenRegistryGrain
{
    private const int RecentKept = 16;

    private PagedList<string> _ids = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids = new PagedList<string>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "token-registry-page", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task AddAsync(string tokenId)
    {
        var s = state.State;
        if (s.RecentTokens.Contains(tokenId))
            return;
        await _ids.AppendAsync(s.TokenCount, tokenId);
        s.TokenCount++;
        s.RecentTokens.Add(tokenId);
        if (s.RecentTokens.Count > RecentKept)
            s.RecentTokens.RemoveAt(0);
        await state.WriteStateAsync();
    }

    public Task<Page<string>> GetPageAsync(int after, int limit) => _ids.ReadPageAsync(after, limit, state.State.TokenCount);
}
