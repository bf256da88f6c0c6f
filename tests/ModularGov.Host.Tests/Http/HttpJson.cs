using System.Net.Http.Json;
using System.Text.Json;

namespace ModularGov.Host.Tests.Http;

internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>
    /// Every item of a paged list, from <paramref name="first"/> on through each <c>Link: &lt;…&gt;; rel="next"</c>, asserting
    /// that no page holds more than <paramref name="limit"/>; and how many pages it took.
    /// </summary>
    public static async Task<(List<JsonElement> Items, int Pages)> AllPagesAsync(this HttpClient client, string first, int limit)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        for (var next = first; next is not null; pages++)
        {
            var response = await client.GetAsync(next);
            ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
            var page = await response.JsonAsync();
            page.GetArrayLength().ShouldBeLessThanOrEqualTo(limit, next);
            items.AddRange(page.EnumerateArray());
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }
        return (items, pages);
    }

    /// <summary>Asserts an RFC 9457 answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.JsonAsync();
        body.GetProperty("status").GetInt32().ShouldBe(status);
        body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return body;
    }
}
