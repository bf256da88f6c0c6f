using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Access is declared on every endpoint, and holds for every role on every method and path of the OpenAPI document,
/// writes included: another street's records are refused with 403 (before anything says whether they exist), and the
/// least-privileged tokens are refused every write and every record that carries residents' words.
/// </summary>
public sealed class AccessSweepTests : IAsyncLifetime
{
    /// <summary>A token of every role bound inside 南山路街道.</summary>
    private static readonly (string Role, string Scope)[] StreetRoles =
    [
        ("street-operator", "street:nanshanlu"),
        ("community-worker", "community:nanshanlu.xinhuaxijie"),
        ("grid-worker", "grid:nanshanlu.g001"),
        ("station-operator", "station:nanshanlu.wf01"),
        ("resident-unit", "resident-unit:nanshanlu.u001"),
    ];

    private static readonly (string Role, string Scope)[] DistrictRoles =
    [
        ("dispatch-staff", "district"),
        ("department-staff", "department:water"),
    ];

    private InProcessDistrict _district = null!;
    private int _setups;
    private readonly Dictionary<string, string> _shangzhan = new();
    private readonly Dictionary<string, string> _nanshanlu = new();

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        foreach (var (records, street, community) in new[] { (_shangzhan, "shangzhan", "xiaoyangquannan"), (_nanshanlu, "nanshanlu", "xinhuaxijie") })
        {
            records["code"] = street;
            records["communityId"] = $"{street}.{community}";
            records["compoundId"] = $"{street}.m001";
            records["gridId"] = $"{street}.g001";
            records["problemId"] = (await PostAsync($"/api/grids/{street}.g001/problems", new { category = "environment", description = "权限巡检", location = "路口" })).GetProperty("id").GetString()!;
            records["caseId"] = (await PostAsync("/api/dispatch/cases", new { street, community, category = "facilities", description = "权限巡检", place = "路口" })).GetProperty("caseId").GetString()!;
            records["changeId"] = $"{street}.c0001"; // made a tier change's or a duty change's id by the path (tc or dc)
            records["version"] = "1";
            records["unit"] = "water";
            records["personId"] = $"{street}.r0001";
        }
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public void Every_api_endpoint_declares_one_access_rule_over_its_groups_place()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThan(70);
        var undeclared = endpoints.Select(e => (e.DisplayName, Why: PlaceGroups.Undeclared(e.Metadata))).Where(e => e.Why is not null)
            .Select(e => $"{e.DisplayName}: {e.Why}").ToList();
        undeclared.ShouldBeEmpty();
    }

    /// <summary>Each module's endpoints are a route table: every /api endpoint is a named method, not a lambda in the table.</summary>
    [Fact]
    public void Every_api_endpoint_is_a_named_handler()
    {
        var endpoints = ApiEndpoints();
        var lambdas = endpoints.Where(e => e.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler || handler.Name.Contains('<'))
            .Select(e => e.DisplayName).ToList();
        endpoints.Count.ShouldBeGreaterThan(70);
        lambdas.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_street_scoped_role_gets_403_from_every_method_naming_another_streets_records()
    {
        var answers = new List<string>();
        var calls = 0;
        foreach (var (role, scope) in StreetRoles)
        {
            using var client = _district.Client(await TokenAsync(role, scope));
            foreach (var (method, url) in await CallsAsync(_shangzhan))
            {
                calls++;
                using var response = await SendAsync(client, method, url, $"sweep-{calls}");
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    answers.Add($"{role}: {method} {url} → {(int)response.StatusCode}");
            }
        }
        calls.ShouldBeGreaterThan(5 * 40, "the sweep must reach every endpoint that names a street's records, for every role");
        answers.ShouldBeEmpty();
    }

    /// <summary>And each of those calls that changes (or tries to change) something leaves exactly one entry in the operation log.</summary>
    [Fact]
    public async Task Every_role_on_every_method_and_path_of_its_own_street_gets_an_answer_not_a_5xx()
    {
        var auditor = (await _district.AdministratorAsync("auditadmin")).Client;
        var logBefore = (await (await auditor.GetAsync("/api/audit/verify")).JsonAsync()).GetProperty("lastSeq").GetInt64();
        var failures = new List<string>();
        var changes = new List<string>();
        var calls = 0;
        foreach (var (role, scope) in StreetRoles.Concat(DistrictRoles).Append(("district-admin", "district")))
        {
            if (role != "district-admin")
                changes.Add("POST /api/tokens");
            using var client = role == "district-admin" ? _district.Client() : _district.Client(await TokenAsync(role, scope));
            foreach (var (method, url) in await CallsAsync(_nanshanlu, everyPath: true))
            {
                using var response = await SendAsync(client, method, url, $"own-{calls++}");
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{role}: {method} {url} → {(int)response.StatusCode}");
                if (method != "GET")
                    changes.Add($"{method} {url}");
            }
        }
        calls.ShouldBeGreaterThan(8 * 70);
        failures.ShouldBeEmpty();

        var (entries, _) = await auditor.AllPagesAsync($"/api/audit?after={logBefore}&limit=1000", 1000);
        var logged = entries.Where(e => e.GetProperty("method").GetString() != "GET")
            .Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()}").Order().ToList();
        logged.ShouldBe(changes.Order().ToList());
    }

    /// <summary>三员: the audit administrator reads the logs and its own account and is refused everything else, reads and writes alike.</summary>
    [Fact]
    public async Task The_audit_admin_is_refused_every_method_and_path_but_reading_the_logs()
    {
        var client = (await _district.AdministratorAsync("auditadmin")).Client;
        var wrong = new List<string>();
        var calls = await CallsAsync(_nanshanlu, everyPath: true);
        foreach (var (method, url) in calls)
        {
            using var response = await SendAsync(client, method, url, $"audit-{method}-{url}");
            var readsLogs = method == "GET" && url.StartsWith("/api/audit", StringComparison.Ordinal) || url.StartsWith("/api/account/", StringComparison.Ordinal) || url == "/api/account";
            if ((response.StatusCode == HttpStatusCode.Forbidden) == readsLogs)
                wrong.Add($"{method} {url} → {(int)response.StatusCode}");
        }
        calls.Count(c => c.Url.StartsWith("/api/audit", StringComparison.Ordinal)).ShouldBe(3);
        calls.Count.ShouldBeGreaterThan(70);
        wrong.ShouldBeEmpty();
    }

    /// <summary>
    /// 驻区单位 and 驿站 tokens are the least privileged: every write but their own reports is refused before its body is
    /// read, and nothing that carries residents' words (problems, cases, escalations) is shown to them unless they reported it.
    /// </summary>
    [Theory]
    [InlineData("resident-unit", "resident-unit:nanshanlu.u001")]
    [InlineData("station-operator", "station:nanshanlu.wf01")]
    public async Task The_least_privileged_tokens_are_refused_every_write_and_every_residents_record(string role, string scope)
    {
        using var client = _district.Client(await TokenAsync(role, scope));
        var wrong = new List<string>();
        foreach (var (method, url) in await CallsAsync(_nanshanlu, everyPath: true))
        {
            var draftCheck = url.EndsWith("/check", StringComparison.Ordinal); // checking a draft plan changes nothing
            var ownReport = role == "station-operator" && method == "POST" && url == "/api/grids/nanshanlu.g001/problems";
            var residentsWords = url.Contains("/problems") || url.Contains("/dispatch/cases") || url.Contains("/escalations");
            var mustRefuse = (method != "GET" && !draftCheck && !ownReport) || (residentsWords && !(role == "station-operator" && url == "/api/grids/nanshanlu.g001/problems"));
            if (!mustRefuse)
                continue;
            using var response = await SendAsync(client, method, url, $"least-{role}-{method}-{url}");
            if (response.StatusCode != HttpStatusCode.Forbidden)
                wrong.Add($"{method} {url} → {(int)response.StatusCode}");
        }
        wrong.ShouldBeEmpty();
    }

    private List<RouteEndpoint> ApiEndpoints() =>
        _district.Host.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true).ToList();

    /// <summary>Every method and path of the OpenAPI document under /api, with the path's ids taken from <paramref name="records"/>.</summary>
    private async Task<List<(string Method, string Url)>> CallsAsync(Dictionary<string, string> records, bool everyPath = false)
    {
        var document = JsonDocument.Parse(await _district.Client().GetStringAsync("/openapi/v1.json"));
        var calls = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var names = path.Name.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
            if (!everyPath && (names.Count == 0 || !names.All(records.ContainsKey)))
                continue;
            // In a plaque's removal path {code} is the plaque's code inside the community, not a street.
            var url = string.Join('/', path.Name.Split('/').Select(s =>
                !s.StartsWith('{') ? s
                : s == "{code}" && path.Name.Contains("/plaques/") ? "pl0001"
                : s == "{changeId}" ? records["changeId"].Replace(".c", path.Name.Contains("/tier-changes/") ? ".tc" : ".dc", StringComparison.Ordinal)
                : records.GetValueOrDefault(s.Trim('{', '}'), "x")));
            calls.AddRange(path.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH").Select(m => (m, url)));
        }
        return calls;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        request.Headers.Add("Idempotency-Key", key.Length <= 100 ? key : key[..100]);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private async Task<JsonElement> PostAsync(string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", $"setup-{_setups++}" } } };
        var response = await _district.Client().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private async Task<string> TokenAsync(string role, string scope)
    {
        var response = await _district.Client().PostAsJsonAsync("/api/tokens", new { role, scope, label = $"{role} {scope}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }
}
