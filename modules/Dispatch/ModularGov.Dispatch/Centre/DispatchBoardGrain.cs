using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class BoardState
{
    [Id(0)] public int Count { get; set; }
    /// <summary>How many open cases each page of the street's list holds; pages with none are left out.</summary>
    [Id(1)] public Dictionary<int, int> OpenByPage { get; set; } = [];
}

/// <summary>
/// A street's board: each case's entry in order of arrival in a <see cref="PagedList{T}"/>, so a change rewrites one
/// page of at most 128 entries, and the pages still holding open cases, so the board reads only those (and the last
/// pages, for the latest closed cases) however many cases the street has ever had.
/// </summary>
internal sealed class DispatchBoardGrain(
    [PersistentState("dispatch-board", GrainStorage.Name)] IPersistentState<BoardState> state) : Grain, IDispatchBoardGrain
{
    private PagedList<CaseIndexEntry> _entries = null!;

    private BoardState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new PagedList<CaseIndexEntry>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "dispatch-board-page", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<int> PublishAsync(CaseIndexEntry entry, int? position)
    {
        if (position is { } known && known < S.Count)
        {
            var before = await _entries.GetAsync(known);
            await _entries.SetAsync(known, entry);
            if (IsOpen(before) != IsOpen(entry))
            {
                CountOpen(known, IsOpen(entry) ? 1 : -1);
                await state.WriteStateAsync();
            }
            return known;
        }
        var at = S.Count;
        await _entries.AppendAsync(at, entry);
        S.Count = at + 1;
        if (IsOpen(entry))
            CountOpen(at, 1);
        await state.WriteStateAsync();
        return at;
    }

    public async Task<IReadOnlyList<CaseIndexEntry>> GetCurrentAsync(int recentClosed)
    {
        var firstRecent = Math.Max(0, S.Count - recentClosed);
        var pages = S.OpenByPage.Keys
            .Concat(Enumerable.Range(firstRecent / PagedList<CaseIndexEntry>.PageSize, S.Count == 0 ? 0 : (S.Count - 1) / PagedList<CaseIndexEntry>.PageSize - firstRecent / PagedList<CaseIndexEntry>.PageSize + 1))
            .Distinct().Order();
        var current = new List<CaseIndexEntry>();
        foreach (var page in pages)
        {
            var from = page * PagedList<CaseIndexEntry>.PageSize;
            var entries = await _entries.ReadAsync(from, PagedList<CaseIndexEntry>.PageSize, S.Count);
            current.AddRange(entries.Where((e, i) => IsOpen(e) || from + i >= firstRecent));
        }
        return current;
    }

    private void CountOpen(int position, int change)
    {
        var page = position / PagedList<CaseIndexEntry>.PageSize;
        var open = S.OpenByPage.GetValueOrDefault(page) + change;
        if (open > 0)
            S.OpenByPage[page] = open;
        else
            S.OpenByPage.Remove(page);
    }

    private static bool IsOpen(CaseIndexEntry entry) => entry.Step < CaseStep.Closed;
}
