using ModularGov.Grids.Contracts;

namespace ModularGov.Open311.Http;

/// <summary>
/// A street's problems filed since a moment, newest first across all its grids: a merge of each grid's newest-first
/// pages. Every grid's first page is read (in parallel); after that it reads on only while fewer than
/// <paramref name="budget"/> problems were read in all, and stops as soon as one grid would need a page past it. So what
/// it yields is always every problem of the street filed in one unbroken span of time back from the newest, never a
/// grid's long past next to another's last hour.
/// </summary>
internal sealed class StreetProblemsNewestFirst(IGrainFactory grains, DateTimeOffset since, int budget, int firstPage = 50)
{
    private const int NextPage = 200;

    private readonly PriorityQueue<GridCursor, DateTimeOffset> _heads = new(Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a)));
    private int _read;

    public async IAsyncEnumerable<ProblemView> ReadAsync(IEnumerable<string> grids)
    {
        var cursors = grids.Select(grid => new GridCursor(grains.GetGrain<IGridGrain>(grid))).ToList();
        await Task.WhenAll(cursors.Select(c => FillAsync(c, firstPage)));
        foreach (var cursor in cursors)
            Enqueue(cursor);
        while (_heads.TryDequeue(out var cursor, out _))
        {
            yield return cursor.Buffer.Dequeue();
            if (cursor.Buffer.Count == 0 && !cursor.Exhausted)
            {
                if (_read >= budget)
                    yield break;
                await FillAsync(cursor, Math.Min(NextPage, budget - _read));
            }
            Enqueue(cursor);
        }
    }

    private void Enqueue(GridCursor cursor)
    {
        if (cursor.Buffer.TryPeek(out var head))
            _heads.Enqueue(cursor, head.FiledAt);
    }

    /// <summary>The grid's next problems into its buffer (a page can come back empty at the grid's scan limit with more to read).</summary>
    private async Task FillAsync(GridCursor cursor, int size)
    {
        do
        {
            var page = await cursor.Grid.ListProblemsSinceAsync(since, cursor.Before, size);
            Interlocked.Add(ref _read, page.Problems.Count); // the first pages are read in parallel
            foreach (var problem in page.Problems)
                cursor.Buffer.Enqueue(problem);
            cursor.Before = page.NextAfter;
            cursor.Exhausted = page.NextAfter is null;
        }
        while (cursor.Buffer.Count == 0 && !cursor.Exhausted);
    }

    /// <summary>One grid's read so far: what it returned and not yet yielded, and where its next page starts.</summary>
    private sealed class GridCursor(IGridGrain grid)
    {
        public IGridGrain Grid { get; } = grid;
        public Queue<ProblemView> Buffer { get; } = new();
        /// <summary>The number the next page reads below; null before the first page (from the newest).</summary>
        public int? Before { get; set; }
        public bool Exhausted { get; set; }
    }
}
