using System.Net;
using System.Net.Http.Json;
using System.Text;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Hostile input: each request gets a clear 4xx, nothing is written, and the host keeps serving.
/// (Broken plugin folders are covered by the plugin loading tests.)
/// </summary>
public sealed class HostileInputTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private const string Grid = "nanshanlu.g070";

    private async Task<int> ProblemsInGridAsync() => (await (await fixture.Client().GetAsync($"/api/grids/{Grid}/problems")).JsonAsync()).GetArrayLength();

    private Task<HttpResponseMessage> PostRawAsync(string path, string body, string? key = "hostile")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key + Guid.NewGuid().ToString("N")[..6]);
        return fixture.Client().SendAsync(request);
    }

    private static string Problem(string description, string location = "3号楼") =>
        System.Text.Json.JsonSerializer.Serialize(new { category = "other", description, location });

    public static TheoryData<string, string> Bodies => new()
    {
        { "malformed json", "{\"category\": \"other\", \"description\": " },
        { "not an object", "[1, 2, 3]" },
        { "wrong types", "{\"category\": 5, \"description\": [\"x\"], \"location\": {\"a\": 1}}" },
        { "deeply nested", new string('[', 2000) + new string(']', 2000) },
        { "control characters", Problem("井盖\u0000缺失\u001b[31m") },
        { "very long chinese", Problem(new string('漏', 5000)) },
        { "script", Problem("<script>alert('x')</script>") },
        { "markup in location", Problem("楼道漏水", "<img src=x onerror=alert(1)>") },
        { "empty", "" },
        { "null", "null" },
        { "unknown category", "{\"category\": \"'; DROP TABLE problems; --\", \"description\": \"x\", \"location\": \"y\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_body_gets_a_4xx_problem_and_writes_nothing(string kind, string body)
    {
        var before = await ProblemsInGridAsync();
        var response = await PostRawAsync($"/api/grids/{Grid}/problems", body);
        ((int)response.StatusCode).ShouldBeInRange(400, 499, kind);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", kind);
        (await ProblemsInGridAsync()).ShouldBe(before, kind);
        (await fixture.Client().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/grids/nanshanlu.g001'%20OR%20'1'='1/problems")]
    [InlineData("/api/grids/..%2F..%2Fetc%2Fpasswd/problems")]
    [InlineData("/api/problems/nanshanlu.g001.p00001%3Cscript%3E")]
    [InlineData("/api/streets/nanshanlu%00/summary")]
    [InlineData("/api/dispatch/cases/dc2026-00001;DROP")]
    public async Task Injection_strings_in_ids_are_unknown_ids(string path)
    {
        var response = await fixture.Client().GetAsync(path);
        ((int)response.StatusCode).ShouldBeInRange(400, 499, path);
    }

    [Theory]
    [InlineData("/api/tier-changes/nosuchstreet.t0001/approve", "{}")]
    [InlineData("/api/tier-changes/nodot/reject", "{\"note\": \"x\"}")]
    [InlineData("/api/duty-changes/nosuchstreet.c0001/approve", "{\"legalBasis\": \"x\"}")]
    [InlineData("/api/duty-changes/nodot/approve", "{\"legalBasis\": \"x\"}")]
    public async Task A_change_in_a_street_that_is_not_served_is_a_404_problem(string path, string body)
    {
        var response = await fixture.Client().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_huge_body_is_413_and_a_huge_header_is_431_and_the_host_keeps_serving()
    {
        var before = await ProblemsInGridAsync();
        using var huge = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems")
        {
            Content = new StringContent(Problem(new string('长', 700_000)), Encoding.UTF8, "application/json"),
        };
        huge.Headers.Add("Idempotency-Key", "huge-1");
        huge.Headers.ExpectContinue = true; // the host answers from the declared length, before the body is sent
        (await fixture.Client().SendAsync(huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/streets");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 40_000));
        (await fixture.Client().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
        (await ProblemsInGridAsync()).ShouldBe(before);
        (await fixture.Client().GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_of_the_wrong_scope_and_forged_tokens_write_nothing()
    {
        var before = await ProblemsInGridAsync();
        var yijing = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems") { Content = new StringContent(Problem("越权"), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "scope-1");
        await (await yijing.SendAsync(request)).ShouldBeProblemAsync(403);
        var forged = fixture.Client("mg_" + new string('A', 43));
        await (await forged.PostAsJsonAsync("/api/tokens", new { role = "district-admin", scope = "district", label = "x" })).ShouldBeProblemAsync(401);
        await (await fixture.Client(new string('x', 5000)).GetAsync("/api/streets")).ShouldBeProblemAsync(401);
        (await ProblemsInGridAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string> MalformedBearers => new()
    {
        { "too short", "abc" },
        { "31 characters", new string('a', 31) },
        { "issued prefix, one short", "mg_" + new string('A', 42) },
        { "issued prefix, one long", "mg_" + new string('A', 44) },
        { "issued prefix, padded", "mg_" + new string('A', 42) + "=" },
        { "issued prefix, wrong alphabet", "mg_" + new string('.', 43) },
        { "padding in the middle", new string('a', 20) + "=" + new string('a', 20) },
        { "only padding", new string('=', 40) },
        { "quotes and semicolons", "\"' OR 1=1; --\"' OR 1=1; --\"' OR 1=1; --" },
        { "over 512 characters", new string('a', 513) },
        { "oversized, 20 KB", new string('a', 20_000) },
    };

    [Theory]
    [MemberData(nameof(MalformedBearers))]
    public async Task A_malformed_or_oversized_bearer_is_a_401_problem_and_the_host_keeps_serving(string kind, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/streets");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        var problem = await (await fixture.Client(token: null).SendAsync(request)).ShouldBeProblemAsync(401);
        problem.GetProperty("title").GetString()!.ShouldContain("令牌", customMessage: kind);
        (await fixture.Client().GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_problem_from_its_expiry_on()
    {
        var soon = DateTimeOffset.UtcNow.AddSeconds(3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var issued = await (await fixture.Client().PostAsJsonAsync("/api/tokens", new { role = "dispatch-staff", scope = "district", label = "短期令牌", expiresAt = soon })).JsonAsync();
        var expiring = fixture.Client(issued.GetProperty("token").GetString());
        var expiresAt = issued.GetProperty("expiresAt").GetDateTimeOffset();
        HttpResponseMessage response;
        do
        {
            response = await expiring.GetAsync("/api/streets");
            if (response.StatusCode == HttpStatusCode.OK)
                await Task.Delay(200);
        }
        while (response.StatusCode == HttpStatusCode.OK && DateTimeOffset.UtcNow < expiresAt.AddSeconds(30));
        await response.ShouldBeProblemAsync(401);
        DateTimeOffset.UtcNow.ShouldBeGreaterThanOrEqualTo(expiresAt, "refused once it expired, not before");
    }

    [Fact]
    public async Task A_token_whose_issuer_was_revoked_is_a_401_problem()
    {
        var street = await (await fixture.Client().PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" })).JsonAsync();
        var gridToken = (await (await fixture.Client(street.GetProperty("token").GetString()).PostAsJsonAsync("/api/tokens",
            new { role = "grid-worker", scope = "grid:nanshanlu.g070", label = "网格员" })).JsonAsync()).GetProperty("token").GetString();
        var grid = fixture.Client(gridToken);
        (await grid.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await fixture.Client().DeleteAsync($"/api/tokens/{street.GetProperty("tokenId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await grid.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(401);
        var before = await ProblemsInGridAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/grids/{Grid}/problems") { Content = new StringContent(Problem("吊销后提交"), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "revoked-parent-1");
        await (await grid.SendAsync(request)).ShouldBeProblemAsync(401);
        (await ProblemsInGridAsync()).ShouldBe(before);
    }
}

/// <summary>Request rate limits, configured per caller; a caller over the limit gets 429 and the others do not notice.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerWindow"] = "5",
        ["RateLimits:Window"] = "00:00:30",
    });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task A_caller_over_its_limit_gets_429_with_retry_after_and_health_is_never_limited()
    {
        var admin = _district.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await admin.GetAsync("/api/streets")).StatusCode);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        var limited = await admin.GetAsync("/api/streets");
        var problem = await limited.ShouldBeProblemAsync(429);
        problem.GetProperty("title").GetString()!.ShouldContain("请求过于频繁");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        for (var i = 0; i < 10; i++)
            (await _district.Client(token: null).GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _district.Client("another-callers-token").GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another caller has its own budget");
    }
}

/// <summary>
/// The rate limit counts each verified token on its own and everything else by client address, after authentication;
/// a value not shaped like a token never reaches a token grain, and lookups from one address are limited too.
/// </summary>
public sealed class TokenRateLimitTests : IAsyncLifetime
{
    private const int Permits = 20;

    private readonly TokenGrainCalls _calls = new();
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerWindow"] = Permits.ToString(),
        ["RateLimits:Window"] = "00:10:00",
    }, replace: _calls.AddTo);

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private static string RandomIssuedShape() =>
        "mg_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<HttpStatusCode> GetAsBearerAsync(HttpClient client, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/streets");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Thousands_of_random_bearers_from_one_address_get_429_and_reach_at_most_a_windows_worth_of_token_grains()
    {
        using var client = _district.Client(token: null);
        var verifiesBefore = _calls.Of("VerifyAsync");
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (_, _) => statuses.Add(await GetAsBearerAsync(client, RandomIssuedShape())));

        var tooMany = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        var unauthorized = statuses.Count(s => s == HttpStatusCode.Unauthorized);
        (tooMany + unauthorized).ShouldBe(3000);
        unauthorized.ShouldBeLessThanOrEqualTo(Permits, "one address shares one budget, whatever bearer it sends");
        (_calls.Of("VerifyAsync") - verifiesBefore).ShouldBeLessThanOrEqualTo(Permits, "unknown tokens from one address are looked up at most a window's permits");
    }

    [Fact]
    public async Task A_malformed_bearer_is_refused_without_any_token_grain_call()
    {
        using var client = _district.Client(token: null);
        var callsBefore = _calls.All;
        string[] malformed = ["x", "not-a-token", "mg_" + new string('A', 42), "mg_" + new string('A', 44), new string('a', 31), new string('b', 600), "mg_" + new string('~', 43)];
        foreach (var bearer in malformed)
            (await GetAsBearerAsync(client, bearer)).ShouldBe(HttpStatusCode.Unauthorized, bearer);
        _calls.All.ShouldBe(callsBefore, "no token grain was called, so none was activated");

        // The count is live: a well-shaped unknown token is looked up in its grain.
        (await GetAsBearerAsync(client, RandomIssuedShape())).ShouldBe(HttpStatusCode.Unauthorized);
        _calls.Of("VerifyAsync").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_token_over_its_limit_gets_429_while_another_token_and_anonymous_callers_still_pass()
    {
        var admin = _district.Client();
        var issued = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/tokens", new { role = "dispatch-staff", scope = "district", label = $"调度员{i}" });
            issued.Add((await response.JsonAsync()).GetProperty("token").GetString()!);
        }
        var busy = _district.Client(issued[0]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Permits + 5; i++)
            statuses.Add((await busy.GetAsync("/api/streets")).StatusCode);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(Permits);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(5);

        (await _district.Client(issued[1]).GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK, "another token has its own budget");
        (await _district.Client(token: null).GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "so has the address");
    }
}
