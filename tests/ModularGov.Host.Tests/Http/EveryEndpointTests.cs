using System.Net;
using System.Net.Http.Json;
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

    /// <summary>
    /// Every endpoint whose path names a street's record, called by 南山路街道's operator with 上站街道's records
    /// (which exist), answers 403 or 404: never a success, and never an error that would tell it apart.
    /// </summary>
    [Fact]
    public async Task A_street_operator_gets_403_or_404_from_every_endpoint_naming_another_streets_records()
    {
        using var admin = _district.Client();
        var problem = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/grids/shangzhan.g001/problems")
        {
            Content = JsonContent.Create(new { category = "environment", description = "跨街道访问测试", location = "站前" }),
            Headers = { { "Idempotency-Key", "cross-street-problem" } },
        });
        problem.StatusCode.ShouldBe(HttpStatusCode.Created);
        var dispatchCase = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/dispatch/cases")
        {
            Content = JsonContent.Create(new { street = "shangzhan", community = "xiaoyangquannan", category = "facilities", description = "跨街道访问测试", place = "小阳泉南" }),
            Headers = { { "Idempotency-Key", "cross-street-case" } },
        });
        dispatchCase.StatusCode.ShouldBe(HttpStatusCode.Created, await dispatchCase.Content.ReadAsStringAsync());
        var records = new Dictionary<string, string>
        {
            ["code"] = "shangzhan",
            ["communityId"] = "shangzhan.xiaoyangquannan",
            ["compoundId"] = "shangzhan.m001",
            ["gridId"] = "shangzhan.g001",
            ["problemId"] = (await problem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!,
            ["caseId"] = (await dispatchCase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!,
            ["changeId"] = "shangzhan.c0001",
            ["version"] = "1",
            ["unit"] = "water",
            ["personId"] = "shangzhan.r0001",
            ["loanId"] = "shangzhan.tl0001",
            ["secondmentId"] = "shangzhan.sd0001",
        };

        var tokenResponse = await admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道 operator" });
        using var nanshanlu = _district.Client((await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var answers = new List<string>();
        var checkedPaths = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var names = path.Name.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
            if (names.Count == 0 || !names.All(records.ContainsKey))
                continue;
            // In a plaque's removal path {code} is the plaque's code inside the community, not a street.
            var url = string.Join('/', path.Name.Split('/').Select(s => s.StartsWith('{') ? records[s.Trim('{', '}')] : s));
            foreach (var method in path.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                checkedPaths++;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                request.Headers.Add("Idempotency-Key", $"cross-street-{checkedPaths}");
                using var response = await nanshanlu.SendAsync(request);
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    answers.Add($"{method} {url} → {(int)response.StatusCode}");
            }
        }
        checkedPaths.ShouldBeGreaterThan(40, "the sweep must reach the street-scoped endpoints");
        answers.ShouldBeEmpty();
    }
}
