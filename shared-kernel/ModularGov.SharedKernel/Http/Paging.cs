using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Http;

/// <summary>
/// A list that grows with use is read in pages, oldest first: <c>after</c> a position (0: from the first), <c>limit</c>
/// 1–<see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>); the next page is named in the
/// <c>Link: &lt;…&gt;; rel="next"</c> header, with the request's other query parameters kept.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>after</c> and <c>limit</c> into the page asked for; the 400 naming what is wrong, or null. <paramref name="afterIs"/> is what <c>after</c> counts (a problem number, a position).</summary>
    public static ProblemHttpResult? Read(string? after, string? limit, out PageRequest page, string afterIs = "a position")
    {
        page = new PageRequest(0, DefaultLimit);
        if (!TryNumber(after, 0, int.MaxValue, out var from))
            return ApiProblems.BadRequest($"after '{after}' is not {afterIs} (0 or more)");
        if (!TryNumber(limit, 1, MaxLimit, out var size))
            return ApiProblems.BadRequest($"limit '{limit}' is not a number from 1 to {MaxLimit}");
        page = new PageRequest(from ?? 0, size ?? DefaultLimit);
        return null;
    }

    /// <summary>The page <paramref name="read"/> gives for the request's <c>after</c> and <c>limit</c>, with the next page named in the <c>Link</c> header.</summary>
    public static async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> PageAsync<T>(
        HttpContext http, string? after, string? limit, Func<PageRequest, Task<Page<T>>> read)
    {
        if (Read(after, limit, out var asked) is { } badPage)
            return badPage;
        var page = await read(asked);
        LinkNext(http, page.NextAfter, asked);
        return TypedResults.Ok(page.Items);
    }

    /// <summary>Names the next page in the response's <c>Link</c> header, if there is one.</summary>
    public static void LinkNext(HttpContext http, int? nextAfter, PageRequest page)
    {
        if (nextAfter is not { } next)
            return;
        var query = http.Request.Query.Where(q => q.Key is not ("after" or "limit"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("after", next.ToString(CultureInfo.InvariantCulture)))
            .Append(new("limit", page.Limit.ToString(CultureInfo.InvariantCulture)));
        http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString((http.Request.PathBase + http.Request.Path).ToUriComponent(), query)}>; rel=\"next\"";
    }

    private static bool TryNumber(string? text, int min, int max, out int? value)
    {
        value = null;
        if (text is null)
            return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            return false;
        value = number;
        return true;
    }
}

/// <summary>Which page of a list a request asks for: the items after position <see cref="After"/>, at most <see cref="Limit"/>.</summary>
public readonly record struct PageRequest(int After, int Limit);
