using System.Net;
using System.Text;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Every endpoint in the host's OpenAPI document, called by the district admin with ids that name nothing and with
/// empty or odd bodies, answers with a 4xx problem (or a success), never a 5xx: a new endpoint is covered the day it is mapped.
/// </summary>
public sealed class EveryEndpointTests : IAsyncLifetime
{
    private static readonly string[] UnknownIds = ["nosuch", "nosuch.x1", "nanshanlu.nosuch", "nanshanlu.g001.p99999", "-1", "%E4%B8%AD"];
    private static readonly string?[] Bodies = ["{}", "null", "[]", "{\"x\": 1}"];

    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerWindow"] = "1000000",
    });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task No_endpoint_answers_unknown_ids_or_odd_bodies_with_a_5xx()
    {
        using var client = _district.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var calls = new List<(string Method, string Path)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var method in path.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
        foreach (var id in path.Name.Contains('{') ? UnknownIds : [""])
            calls.Add((method, string.Join('/', path.Name.Split('/').Select(segment => segment.StartsWith('{') ? id : segment))));
        calls.Count.ShouldBeGreaterThan(100, "the OpenAPI document lists every endpoint");

        var failures = new List<string>();
        var key = 0;
        foreach (var (method, path) in calls)
        foreach (var body in method == "GET" ? [null] : Bodies)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", $"every-endpoint-{key++}");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead); // some dashboard pages stream
            if ((int)response.StatusCode >= 500)
                failures.Add($"{method} {path} {body} → {(int)response.StatusCode}");
        }
        failures.ShouldBeEmpty();
    }
}
