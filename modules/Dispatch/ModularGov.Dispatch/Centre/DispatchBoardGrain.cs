using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class BoardState
{
    [Id(0)] public int CaseCount { get; set; }
    /// <summary>For each page of the street's list that holds open cases: how many, and the earliest open deadline.</summary>
    [Id(1)] public Dictionary<int, OpenPage> OpenPages { get; set; } = [];
}

[GenerateSerializer, Immutable]
internal sealed record OpenPage([property: Id(0)] int Open, [property: Id(1)] DateTimeOffset EarliestDeadline);

/// <summary>
/// A street's board: each case's entry in order of arrival in a <see cref="PagedList{T}"/>, so a change rewrites one
/// page of at most 128 entries, and a summary of the pages still holding open cases, so a page of the board reads the
/// few pages that can hold its cases, however many cases the street has ever had. The latest
/// <see cref="RecentClosed"/> closed cases stay on the board too.
/// </summary>
internal sealed class DispatchBoardGrain(
    [PersistentState("dispatch-board", GrainStorage.Name)] IPersistentState<BoardState> state) : Grain, IDispatchBoardGrain
{
    public const int RecentClosed = 100;
    private const int PageSize = PagedList<CaseIndexEntry>.PageSize;

    private PagedList<CaseIndexEntry> _entries = null!;

    private BoardState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new PagedList<CaseIndexEntry>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "dispatch-board-page", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<int> PublishAsync(CaseIndexEntry entry, int? position)
    {
        var appended = position is not { } known || known >= S.CaseCount;
        var at = appended ? S.CaseCount : position!.Value;
        if (appended)
            await _entries.AppendAsync(at, entry);
        else
            await _entries.SetAsync(at, entry);
        S.CaseCount = Math.Max(S.CaseCount, at + 1);
        var page = at / PageSize;
        var open = (await _entries.ReadAsync(page * PageSize, PageSize, S.CaseCount)).Where(IsOpen).ToList();
        var summary = open.Count == 0 ? null : new OpenPage(open.Count, open.Min(e => e.Deadline));
        if (appended || summary != S.OpenPages.GetValueOrDefault(page))
        {
            if (summary is null)
                S.OpenPages.Remove(page);
            else
                S.OpenPages[page] = summary;
            await state.WriteStateAsync();
        }
        return at;
    }

    public async Task<IReadOnlyList<CaseIndexEntry>> GetPageAsync(BoardQuery query)
    {
        var after = BoardCursor.Parse(query.After);
        var firstRecent = Math.Max(0, S.CaseCount - RecentClosed);
        // The last pages (the latest closed cases) first, then open pages by their earliest open deadline.
        var recentPages = S.CaseCount == 0 ? [] : Enumerable.Range(firstRecent / PageSize, (S.CaseCount - 1) / PageSize - firstRecent / PageSize + 1).ToList();
        var openPages = S.OpenPages.Where(p => !recentPages.Contains(p.Key)).OrderBy(p => p.Value.EarliestDeadline).ToList();
        var found = new List<CaseIndexEntry>();
        foreach (var page in recentPages)
            found.AddRange(Matching(await ReadPageAsync(page), page, firstRecent, query, after));
        foreach (var (page, summary) in openPages)
        {
            if (found.Count >= query.Limit && Sorted(found)[query.Limit - 1].Deadline < summary.EarliestDeadline)
                break;
            found.AddRange(Matching(await ReadPageAsync(page), page, firstRecent, query, after));
        }
        return Sorted(found).Take(query.Limit).ToList();
    }

    public async Task<IReadOnlyList<CaseIndexEntry>> GetOpenAsync()
    {
        var open = new List<CaseIndexEntry>();
        foreach (var page in S.OpenPages.Keys.Order())
            open.AddRange((await ReadPageAsync(page)).Where(IsOpen));
        return open;
    }

    private Task<IReadOnlyList<CaseIndexEntry>> ReadPageAsync(int page) => _entries.ReadAsync(page * PageSize, PageSize, S.CaseCount);

    private static IEnumerable<CaseIndexEntry> Matching(IReadOnlyList<CaseIndexEntry> entries, int page, int firstRecent, BoardQuery query, (long Ticks, string Id)? after) =>
        entries.Where((e, i) => (IsOpen(e) || page * PageSize + i >= firstRecent)
            && (query.Step is null || e.Step == query.Step) && (query.Overdue is null || e.Overdue == query.Overdue)
            && (query.Unit is null || e.Lead == query.Unit || e.Assisting.Contains(query.Unit))
            && (query.Community is null || e.Community == query.Community)
            && (after is null || BoardCursor.Compare(e, after.Value) > 0));

    private static List<CaseIndexEntry> Sorted(List<CaseIndexEntry> entries) =>
        entries.OrderBy(e => e.Deadline).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    private static bool IsOpen(CaseIndexEntry entry) => entry.Step < CaseStep.Closed;
}
