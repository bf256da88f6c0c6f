using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.State;

namespace ModularGov.Duties.Pages;

/// <summary>Every item of a list a grain keeps in pages, oldest first: a console table filters, sorts and exports all of them.</summary>
internal static class AllPages
{
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<int, int, Task<Page<T>>> read)
    {
        var items = new List<T>();
        for (int? after = 0; after is { } from;)
        {
            var page = await read(from, Paging.MaxLimit);
            items.AddRange(page.Items);
            after = page.NextAfter;
        }
        return items;
    }
}
