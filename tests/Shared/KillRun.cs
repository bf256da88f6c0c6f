using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ModularGov.Testing;

/// <summary>
/// The workload and the check of a kill -9 run, shared by the test (20 cycles) and the benchmark (200): writers file
/// problems over HTTP until the host dies, remembering each one acknowledged; afterwards every acknowledged problem
/// must be stored, under the id it was given, exactly once, and each grid must count exactly the problems it lists.
/// </summary>
internal static class KillRun
{
    public static readonly string[] Grids = ["nanshanlu.g001", "nanshanlu.g002", "shangzhan.g001", "yijing.g001"];

    public static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Files problems one after another until the host dies; records each one the host acknowledged (key → problem id).</summary>
    public static async Task FileUntilKilledAsync(Uri address, string token, string writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        using var client = Client(address, token);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"{writer}-{n}";
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grids[n % Grids.Length]}/problems")
                {
                    Content = JsonContent.Create(new { category = "other", description = Description(key), location = "测试" }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString()!;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
                return;
            }
        }
    }

    /// <summary>Reads every problem back from a running host and compares them with what was acknowledged.</summary>
    public static async Task<KillRunCheck> CheckAsync(Uri address, string token, IReadOnlyDictionary<string, string> acknowledged)
    {
        using var client = Client(address, token);
        var stored = new List<(string Id, string Description)>();
        var miscounted = new List<string>();
        foreach (var grid in Grids)
        {
            var listed = stored.Count;
            for (var page = $"/api/grids/{grid}/problems?limit=1000"; page is not null;)
            {
                using var response = await client.GetAsync(page);
                response.EnsureSuccessStatusCode();
                var problems = await response.Content.ReadFromJsonAsync<JsonElement>();
                stored.AddRange(problems.EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("description").GetString()!)));
                page = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            }
            var counted = (await client.GetFromJsonAsync<JsonElement>($"/api/grids/{grid}")).GetProperty("problems").GetProperty("total").GetInt32();
            if (counted != stored.Count - listed)
                miscounted.Add($"{grid}: counts {counted}, lists {stored.Count - listed}");
        }
        var byDescription = stored.GroupBy(p => p.Description).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        var missing = acknowledged.Where(a => !byDescription.TryGetValue(Description(a.Key), out var ids) || !ids.Contains(a.Value)).Select(a => a.Key).ToList();
        return new KillRunCheck(stored.Count, missing, byDescription.Values.Count(ids => ids.Count > 1), miscounted);
    }

    private static string Description(string key) => $"压力测试事项 {key}";
}

/// <summary>
/// What a kill -9 run left: problems stored, acknowledged ones missing, requests stored more than once, and grids whose counters
/// disagree with the problems they list (a change half-written).
/// </summary>
internal sealed record KillRunCheck(int Stored, IReadOnlyList<string> Missing, int StoredTwice, IReadOnlyList<string> Miscounted);
