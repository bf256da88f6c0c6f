using ModularGov.SharedKernel.Http;
using Orleans.Storage;

namespace ModularGov.SharedKernel.State;

/// <summary>
/// A list that grows with use (a street's escalations, a duty list's tasks, a month's cases), kept in pages of
/// <see cref="PageSize"/> items, each page its own record. The owning grain keeps only the count: appending writes
/// one page, reading takes the pages it needs. The owner writes the page first and its count after, so a page may
/// hold an item past the count after a crash; readers stop at the count and the next append overwrites it.
/// </summary>
public sealed class PagedList<T>(IGrainStorage storage, string kind, string owner)
{
    public const int PageSize = 128;

    private readonly RecordStore<RecordPage<T>> _pages = new(storage, kind);
    private Stored<RecordPage<T>>? _last;

    /// <summary>Adds an item at position <paramref name="count"/> (the owner's count before the append).</summary>
    public async Task AppendAsync(int count, T item)
    {
        var page = await PageAsync(count / PageSize);
        page.Value.Items.RemoveRange(Math.Min(count % PageSize, page.Value.Items.Count), Math.Max(0, page.Value.Items.Count - count % PageSize));
        page.Value.Items.Add(item);
        await WriteAsync(page);
    }

    /// <summary>Adds items from position <paramref name="count"/> on, writing each page they touch once (a first load, an import).</summary>
    public async Task AppendRangeAsync(int count, IReadOnlyList<T> items)
    {
        for (var done = 0; done < items.Count;)
        {
            var at = count + done;
            var page = await PageAsync(at / PageSize);
            page.Value.Items.RemoveRange(Math.Min(at % PageSize, page.Value.Items.Count), Math.Max(0, page.Value.Items.Count - at % PageSize));
            var length = Math.Min(PageSize - at % PageSize, items.Count - done);
            page.Value.Items.AddRange(items.Skip(done).Take(length));
            await WriteAsync(page);
            done += length;
        }
    }

    /// <summary>Replaces the item at <paramref name="index"/>, which must be below the owner's count.</summary>
    public async Task SetAsync(int index, T item)
    {
        var page = await PageAsync(index / PageSize);
        page.Value.Items[index % PageSize] = item;
        await WriteAsync(page);
    }

    public async Task<T> GetAsync(int index) => (await PageAsync(index / PageSize)).Value.Items[index % PageSize];

    /// <summary>Up to <paramref name="take"/> items from <paramref name="from"/>, never past <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync(int from, int take, int count)
    {
        var items = new List<T>();
        var end = Math.Min(count, from + take);
        for (var index = Math.Max(0, from); index < end;)
        {
            var page = await PageAsync(index / PageSize);
            var offset = index % PageSize;
            var length = Math.Min(Math.Min(page.Value.Items.Count - offset, PageSize - offset), end - index);
            if (length <= 0)
                break;
            items.AddRange(page.Value.Items.GetRange(offset, length));
            index += length;
        }
        return items;
    }

    /// <summary>The items after position <paramref name="after"/>, at most <paramref name="limit"/> (1–<see cref="Paging.MaxLimit"/>), as a page.</summary>
    public async Task<Page<T>> ReadPageAsync(int after, int limit, int count)
    {
        after = Math.Max(after, 0);
        var items = await ReadAsync(after, Math.Clamp(limit, 1, Paging.MaxLimit), count);
        var next = after + items.Count;
        return new Page<T>(items, next < count ? next : null);
    }

    private async Task<Stored<RecordPage<T>>> PageAsync(int number)
    {
        var id = $"{owner}#{number}";
        if (_last?.Id == id)
            return _last;
        var page = await _pages.ReadAsync(id) ?? new Stored<RecordPage<T>>(id, new RecordPage<T>());
        _last = page;
        return page;
    }

    private async Task WriteAsync(Stored<RecordPage<T>> page)
    {
        try
        {
            await _pages.WriteAsync(page);
        }
        catch
        {
            _last = null;
            throw;
        }
    }
}

/// <summary>One page of a <see cref="PagedList{T}"/>.</summary>
[GenerateSerializer]
public sealed class RecordPage<T>
{
    [Id(0)] public List<T> Items { get; set; } = [];
}
