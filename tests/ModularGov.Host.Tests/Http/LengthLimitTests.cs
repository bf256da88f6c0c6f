using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Every string a request carries has a length limit checked at the edge, answered with a 400 naming the field and its
/// limit. For every POST and PUT of the OpenAPI document with a JSON body, each string of an acceptable body is sent
/// 5,000 characters long; every route id of every endpoint 500 characters long; every query value 5,000 characters
/// long: never a success and never a 5xx.
/// </summary>
public sealed class LengthLimitTests : IAsyncLifetime
{
    private static readonly string LongText = new('长', 5000);
    private static readonly string LongId = new('x', 500);
    private static readonly string Today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    /// <summary>A body each endpoint would take, and a path naming records that exist (where one must).</summary>
    private static readonly Dictionary<string, (string Path, object Body)> Bodies = new()
    {
        ["POST /api/accounts"] = ("/api/accounts", new { login = "zhangsan", displayName = "张三" }),
        ["PUT /api/accounts/{login}/grants"] = ("/api/accounts/zhangsan/grants", new { items = new[] { new { role = "grid-worker", scope = "grid:nanshanlu.g001" } } }),
        ["POST /api/account/password"] = ("/api/account/password", new { current = "Xin-Mima-2026!", next = "Ling-Yige-2026!" }),
        ["POST /api/account/second-factor/confirm"] = ("/api/account/second-factor/confirm", new { value = "123456" }),
        ["POST /api/tokens"] = ("/api/tokens", new { role = "grid-worker", scope = "grid:nanshanlu.g001", label = "网格员", expiresAt = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") }),
        ["POST /api/compounds/{compoundId}/tier-changes"] = ("/api/compounds/nanshanlu.m001/tier-changes", new { tier = "market", company = "某某物业", reason = "业主大会选聘" }),
        ["POST /api/tier-changes/{changeId}/approve"] = ("/api/tier-changes/nanshanlu.tc0001/approve", new { note = "同意" }),
        ["POST /api/tier-changes/{changeId}/reject"] = ("/api/tier-changes/nanshanlu.tc0001/reject", new { note = "材料不全" }),
        ["POST /api/streets/{code}/staffing/changes"] = ("/api/streets/nanshanlu/staffing/changes", new { quantifiedPosts = 16, reason = "按熵值法测算", approval = "城编〔2026〕1号" }),
        ["POST /api/streets/{code}/staffing/loans"] = ("/api/streets/nanshanlu/staffing/loans", new { to = "桃坡社区", posts = 1, returnBy = "2099-06-30", reason = "换届补缺" }),
        ["POST /api/streets/{code}/secondments"] = ("/api/streets/nanshanlu/secondments", new
        {
            person = "nanshanlu.r0001", to = "城区信访局", reason = "信访积案化解", approver = "城区委组织部", approval = "城组借字〔2026〕1号", returnBy = "2099-01-01",
        }),
        ["POST /api/people/{personId}/moves"] = ("/api/people/nanshanlu.r0100/moves", new { to = "communityWorker", channel = "step", approvedBy = "南山路街道党工委" }),
        ["PUT /api/people/{personId}/numbers"] = ("/api/people/nanshanlu.r0001/numbers", new { identityNumber = "11010519491231002X", phone = "13812345678" }),
        ["PUT /api/people/{personId}/post"] = ("/api/people/nanshanlu.r0001/post", new { post = "p01" }),
        ["POST /api/people/{personId}/ratings"] = ("/api/people/nanshanlu.r0053/ratings", new
        {
            period = "2026", scores = new Dictionary<string, int> { ["political"] = 20, ["organisation"] = 20, ["service"] = 25, ["governance"] = 20, ["satisfaction"] = 15 },
        }),
        ["POST /api/people/{personId}/training"] = ("/api/people/nanshanlu.r0060/training", new { tier = "newcomers", course = "雏雁帮带·入门", mentor = "nanshanlu.r0053" }),
        ["PUT /api/grids/{gridId}/duty"] = ("/api/grids/nanshanlu.g001/duty", new { person = "张三" }),
        ["POST /api/grids/{gridId}/problems"] = ("/api/grids/nanshanlu.g001/problems", new
        {
            category = "environment", description = "垃圾未清运", location = "3号楼前", compound = "m001", photoUrl = "https://example.org/1.jpg", source = "resident",
            latitude = 37.8506649, longitude = 113.5751784, crs = "wgs84", // 电厂宿舍 (c001), in g001
        }),
        ["POST /api/problems/{problemId}/resolve"] = ("/api/problems/nanshanlu.g001.p00001/resolve", new { resolution = "已清运", reason = "无" }),
        ["POST /api/problems/{problemId}/escalate"] = ("/api/problems/nanshanlu.g001.p00001/escalate", new { resolution = "无", reason = "网格无法处置" }),
        ["POST /api/streets/{code}/merge-plan/check"] = ("/api/streets/nanshanlu/merge-plan/check", new
        {
            compounds = new[] { new { code = "m001", name = "合并小区", community = "xinhuaxijie", members = new[] { "c001" } } },
        }),
        ["POST /api/streets/{code}/grid-plan/check"] = ("/api/streets/nanshanlu/grid-plan/check", new
        {
            grids = new[]
            {
                new
                {
                    code = "g001", name = "一网格", community = "xinhuaxijie", parts = new[] { new { compound = "m001", households = 300, residents = 900 } },
                    worker = new { name = "张三", sample = true }, microGridLeads = new[] { new { name = "李四", sample = true } },
                },
            },
        }),
        ["POST /api/streets/{code}/tasks"] = ("/api/streets/nanshanlu/tasks", new { department = "civil", community = "xinhuaxijie", title = "低保年审", category = "welfare", item = "b006" }),
        ["POST /api/streets/{code}/duty-changes"] = ("/api/streets/nanshanlu/duty-changes", new
        {
            action = "add", item = new { code = "b090", kind = "basic", title = "新事项", category = "elevator", post = "p01", sample = false }, reason = "居民需求", assessor = "civil",
        }),
        ["POST /api/duty-changes/{changeId}/assess"] = ("/api/duty-changes/nanshanlu.dc0001/assess", new { favourable = true, assessment = "可承接" }),
        ["POST /api/duty-changes/{changeId}/approve"] = ("/api/duty-changes/nanshanlu.dc0001/approve", new { legalBasis = "准入办法第五条" }),
        ["POST /api/duty-changes/{changeId}/reject"] = ("/api/duty-changes/nanshanlu.dc0001/reject", new { reason = "不属于街道职责" }),
        ["POST /api/streets/{code}/agreements"] = ("/api/streets/nanshanlu/agreements", new { department = "urban", item = "b010", primary = "街道办", secondary = "城管局" }),
        ["POST /api/communities/{communityId}/plaques"] = ("/api/communities/nanshanlu.xinhuaxijie/plaques", new { kind = "sign", title = "某某工作站" }),
        ["POST /api/communities/{communityId}/plaques/{code}/remove"] = ("/api/communities/nanshanlu.xinhuaxijie/plaques/pl0001/remove", new { campaign = "清牌瘦身" }),
        ["POST /api/communities/{communityId}/meetings"] = ("/api/communities/nanshanlu.xinhuaxijie/meetings", new { date = Today, title = "例会", convenedBy = "街道", online = true }),
        ["POST /api/communities/{communityId}/inspections"] = ("/api/communities/nanshanlu.xinhuaxijie/inspections", new { date = Today, unit = "应急局", accompanied = false }),
        ["POST /api/dispatch/cases"] = ("/api/dispatch/cases", new { street = "nanshanlu", community = "nanshan", category = "other", description = "路灯不亮", place = "桃园路", compound = "c001", urgency = "ordinary" }),
        ["POST /api/dispatch/cases/{caseId}/verify"] = ("/api/dispatch/cases/dc2026-00001/verify", new { findings = "属实", cause = "线路老化" }),
        ["POST /api/dispatch/cases/{caseId}/deliberate"] = ("/api/dispatch/cases/dc2026-00001/deliberate", new { lead = "urban", assisting = new[] { "municipal" }, urgency = "ordinary" }),
        ["POST /api/dispatch/cases/{caseId}/refer"] = ("/api/dispatch/cases/dc2026-00001/refer", new { reason = "工作组无法定责" }),
        ["POST /api/dispatch/cases/{caseId}/coordinate"] = ("/api/dispatch/cases/dc2026-00001/coordinate", new { units = new[] { "urban" }, note = "协调会" }),
        ["POST /api/dispatch/cases/{caseId}/appeals/{unit}/decide"] = ("/api/dispatch/cases/dc2026-00001/appeals/urban/decide", new { upheld = true, newLead = "municipal", decision = "申诉成立" }),
        ["POST /api/dispatch/cases/{caseId}/appeal"] = ("/api/dispatch/cases/dc2026-00001/appeal", new { reasons = "非本单位职责" }),
        ["POST /api/dispatch/cases/{caseId}/progress"] = ("/api/dispatch/cases/dc2026-00001/progress", new { note = "已进场" }),
        ["POST /api/dispatch/cases/{caseId}/confirm"] = ("/api/dispatch/cases/dc2026-00001/confirm", new { note = "居民确认" }),
        ["POST /api/dispatch/cases/{caseId}/evaluate"] = ("/api/dispatch/cases/dc2026-00001/evaluate", new { satisfaction = 5, note = "满意" }),
        ["POST /api/dispatch/classes/{promptId}/standing-fix"] = ("/api/dispatch/classes/cl0001/standing-fix", new { measure = "常态巡查", owner = "urban" }),
        ["POST /api/communities/{communityId}/forms"] = ("/api/communities/nanshanlu.xinhuaxijie/forms", new { indicator = "wel-01", period = "2026-11", department = "civil", value = "56" }),
    };

    /// <summary>A record that exists for each route parameter, so that only the one made long is wrong.</summary>
    private static readonly Dictionary<string, string> RouteIds = new()
    {
        ["code"] = "nanshanlu", ["communityId"] = "nanshanlu.xinhuaxijie", ["compoundId"] = "nanshanlu.m001", ["gridId"] = "nanshanlu.g001",
        ["problemId"] = "nanshanlu.g001.p00001", ["changeId"] = "nanshanlu.dc0001", ["version"] = "1", ["tokenId"] = "0123456789abcdef",
        ["caseId"] = "dc2026-00001", ["unit"] = "urban", ["promptId"] = "cl0001", ["month"] = "2026-11",
    };

    private InProcessDistrict _district = null!;
    private JsonElement _document;
    /// <summary>The records made at start, by the id the tables above use for them.</summary>
    private readonly Dictionary<string, string> _made = new();
    /// <summary>The token of whoever may take a step (the access rule is checked before the body), by path suffix.</summary>
    private readonly Dictionary<string, string> _takers = new();
    private Person _securityAdmin = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        using var client = _district.Client();
        _document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        _securityAdmin = await _district.AdministratorAsync("secadmin");

        // The records a step names must exist: a check of existence (404) comes before the body's.
        _made["nanshanlu.g001.p00001"] = (await MakeAsync(client, "/api/grids/nanshanlu.g001/problems", Bodies["POST /api/grids/{gridId}/problems"].Body)).GetProperty("id").GetString()!;
        var caseId = (await MakeAsync(client, "/api/dispatch/cases", new { street = "nanshanlu", community = "xinhuaxijie", category = "other", description = "路灯不亮", place = "桃园路" })).GetProperty("caseId").GetString()!;
        _made["dc2026-00001"] = caseId;
        await MakeAsync(client, $"/api/dispatch/cases/{caseId}/verify", new { findings = "属实", cause = "线路老化" }, created: false);
        await MakeAsync(client, $"/api/dispatch/cases/{caseId}/deliberate", new { lead = "urban" }, created: false);
        using var street = _district.Client(await TokenAsync(client, "street-operator", "street:nanshanlu"));
        _made["nanshanlu.dc0001"] = (await MakeAsync(street, "/api/streets/nanshanlu/duty-changes", Bodies["POST /api/streets/{code}/duty-changes"].Body)).GetProperty("id").GetString()!;
        var urban = await TokenAsync(client, "department-staff", "department:urban");
        var community = await TokenAsync(client, "community-worker", "community:nanshanlu.xinhuaxijie");
        (_takers["/assess"], _takers["/appeal"], _takers["/progress"], _takers["/confirm"], _takers["/evaluate"]) =
            (await TokenAsync(client, "department-staff", "department:civil"), urban, urban, community, community);
        // A person's whole numbers are the owning street office's alone.
        _takers["/numbers"] = await TokenAsync(client, "street-operator", "street:nanshanlu");
    }

    private static async Task<JsonElement> MakeAsync(HttpClient client, string path, object body, bool created = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } } };
        using var response = await client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(created ? 201 : 200, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<string> TokenAsync(HttpClient admin, string role, string scope) =>
        (await (await admin.PostAsJsonAsync("/api/tokens", new { role, scope, label = $"{role} {scope}" })).JsonAsync()).GetProperty("token").GetString()!;

    /// <summary>The path with the records made at start in place of the tables' ids.</summary>
    private string Real(string path) => _made.Aggregate(path, (p, made) => p.Replace(made.Key, made.Value, StringComparison.Ordinal));

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private IEnumerable<(string Method, string Path, JsonElement Operation)> Operations() =>
        from path in _document.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/", StringComparison.Ordinal)
        from operation in path.Value.EnumerateObject()
        select (operation.Name.ToUpperInvariant(), path.Name, operation.Value);

    private async Task<(int Status, string Code, string Detail)> SendAsync(string method, string path, JsonNode? body, string? idempotencyKey = null)
    {
        path = Real(path);
        // A person's own account and the grants others hold are reached by people, signed in, not by tokens.
        var person = path.StartsWith("/api/account/", StringComparison.Ordinal) || path.StartsWith("/api/accounts/", StringComparison.Ordinal) ? _securityAdmin.Client : null;
        using var token = person is null ? _district.Client(_takers.FirstOrDefault(t => path.EndsWith(t.Key, StringComparison.Ordinal)).Value ?? InProcessDistrict.AdminToken) : null;
        var client = person ?? token!;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = text.StartsWith('{') ? JsonDocument.Parse(text).RootElement : default;
        string Field(string name) => problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) ? value.ToString() : "";
        return ((int)response.StatusCode, Field("code"), Field("detail"));
    }

    private static string Fill(string template, string? longParameter = null) => string.Join('/', template.Split('/').Select(segment =>
        !segment.StartsWith('{') ? segment : segment.Trim('{', '}') == longParameter ? LongId : RouteIds.GetValueOrDefault(segment.Trim('{', '}'), "x")));

    private static string[] RouteParameters(string template) => template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToArray();

    [Fact]
    public async Task Every_string_in_a_body_over_its_limit_is_a_400_naming_the_field()
    {
        var withBody = Operations().Where(o => o.Method is "POST" or "PUT" && o.Operation.TryGetProperty("requestBody", out _)).ToList();
        withBody.Count.ShouldBeGreaterThan(15, "the OpenAPI document lists the endpoints that take a body");
        withBody.Select(o => $"{o.Method} {o.Path}").Except(Bodies.Keys).ShouldBeEmpty("every endpoint with a body has an acceptable body here");

        var wrong = new List<string>();
        var sent = 0;
        foreach (var (method, template, operation) in withBody)
        {
            var (path, body) = Bodies[$"{method} {template}"];
            var valid = JsonSerializer.SerializeToNode(body)!;
            var declared = StringPaths(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"), "").ToList();
            declared.Except(Strings(valid, "").Select(s => s.Path)).ShouldBeEmpty($"the body for {method} {template} sets every string the endpoint takes");
            foreach (var field in declared)
            {
                var tooLong = valid.DeepClone();
                Strings(tooLong, "").Single(s => s.Path == field).Node.ReplaceWith(LongText);
                var (status, code, detail) = await SendAsync(method, path, tooLong);
                sent++;
                if (status != 400 || code != "too-long" || !detail.Contains(field, StringComparison.Ordinal) || !detail.Contains("limit", StringComparison.Ordinal))
                    wrong.Add($"{method} {path} with {field} of {LongText.Length} characters → {status} {code} {detail}");
            }
        }
        sent.ShouldBeGreaterThan(50);
        var key = await SendAsync("POST", "/api/grids/nanshanlu.g001/problems", JsonSerializer.SerializeToNode(Bodies["POST /api/grids/{gridId}/problems"].Body), LongId);
        (key.Status, key.Code, key.Detail.Contains("Idempotency-Key", StringComparison.Ordinal)).ShouldBe((400, "too-long", true));
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_route_id_over_its_limit_is_a_400_or_a_404()
    {
        var wrong = new List<string>();
        var sent = 0;
        foreach (var (method, template, _) in Operations())
        {
            foreach (var parameter in RouteParameters(template))
            {
                var body = Bodies.TryGetValue($"{method} {template}", out var valid) ? JsonSerializer.SerializeToNode(valid.Body) : method is "GET" or "DELETE" ? null : new JsonObject();
                var (status, code, detail) = await SendAsync(method, Fill(template, parameter), body);
                sent++;
                if (status is not (400 or 404) || (status == 400 && (code != "too-long" || !detail.Contains(parameter, StringComparison.Ordinal))))
                    wrong.Add($"{method} {template} with {parameter} of {LongId.Length} characters → {status} {code} {detail}");
            }
        }
        sent.ShouldBeGreaterThan(40);
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_query_value_over_its_limit_is_a_400_naming_the_parameter()
    {
        var longQuery = new string('q', 5000);
        var wrong = new List<string>();
        var sent = 0;
        foreach (var (method, template, operation) in Operations())
        {
            var queries = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)
                : [];
            foreach (var name in queries)
            {
                var (status, code, detail) = await SendAsync(method, $"{Fill(template)}?{name}={longQuery}", null);
                sent++;
                if (status != 400 || code != "too-long" || !detail.Contains(name, StringComparison.Ordinal))
                    wrong.Add($"{method} {template}?{name}= of {longQuery.Length} characters → {status} {code} {detail}");
            }
        }
        sent.ShouldBeGreaterThan(10);
        wrong.ShouldBeEmpty();
    }

    /// <summary>A schema as itself: a reference followed, a nullable one (<c>oneOf</c> null) taken as the schema it allows.</summary>
    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(_document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
        return schema.TryGetProperty("oneOf", out var oneOf) ? Resolve(oneOf.EnumerateArray().Single(s => !Types(s).SetEquals(["null"]))) : schema;
    }

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];

    /// <summary>Where a schema takes free text or an id: its string properties, in objects and in a list's first entry (enums and dates are parsed, not kept).</summary>
    private IEnumerable<string> StringPaths(JsonElement schema, string at)
    {
        schema = Resolve(schema);
        var types = Types(schema);
        if (schema.TryGetProperty("properties", out var properties))
            return properties.EnumerateObject().SelectMany(p => StringPaths(p.Value, at.Length == 0 ? p.Name : $"{at}.{p.Name}"));
        if (types.Contains("array"))
            return StringPaths(schema.GetProperty("items"), $"{at}[0]");
        return types.Contains("string") && !schema.TryGetProperty("format", out _) ? [at] : [];
    }

    /// <summary>Every string in a JSON body, with its path in the notation the answers name fields by (<c>item.code</c>, <c>grids[0].name</c>).</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Strings(JsonNode? node, string at) => node switch
    {
        JsonObject o => o.ToList().SelectMany(p => Strings(p.Value, at.Length == 0 ? p.Key : $"{at}.{p.Key}")),
        JsonArray a => a.SelectMany((entry, i) => Strings(entry, $"{at}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(at, v)],
        _ => [],
    };
}
