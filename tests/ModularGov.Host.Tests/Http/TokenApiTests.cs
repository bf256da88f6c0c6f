using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary><c>/api/tokens</c>: who issues what, the list each caller sees, expiry at issue, and who revokes what.</summary>
public sealed class TokenApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private async Task<JsonElement> IssueAsync(string role, string scope, string? asToken = InProcessDistrict.AdminToken, string? expiresAt = null)
    {
        var response = await fixture.Client(asToken).PostAsJsonAsync("/api/tokens", new { role, scope, label = $"{role} for {scope}", expiresAt });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static string Token(JsonElement issued) => issued.GetProperty("token").GetString()!;

    private static string Id(JsonElement issued) => issued.GetProperty("tokenId").GetString()!;

    [Theory]
    [InlineData(InProcessDistrict.AdminToken, "district-admin", "district", "command line")]
    [InlineData("street", "street-operator", "street:nanshanlu", "issues only roles below its own")]
    [InlineData("street", "department-staff", "department:water", "issues only roles below its own")]
    [InlineData("street", "grid-worker", "grid:shangzhan.g001", "cannot issue a token for grid:shangzhan.g001")]
    [InlineData("grid", "grid-worker", "grid:nanshanlu.g017", "区级管理员或街道办")]
    public async Task A_token_issues_only_roles_below_its_own_and_says_why_not(string issuer, string role, string scope, string fault)
    {
        var street = Token(await IssueAsync("street-operator", "street:nanshanlu"));
        var grid = Token(await IssueAsync("grid-worker", "grid:nanshanlu.g017", street));
        var asToken = issuer switch { "street" => street, "grid" => grid, _ => issuer };
        var refused = await fixture.Client(asToken).PostAsJsonAsync("/api/tokens", new { role, scope, label = "x" });
        var problem = await refused.ShouldBeProblemAsync(403);
        problem.GetProperty("detail").GetString()!.ShouldContain(fault);
    }

    [Fact]
    public async Task The_list_shows_each_token_without_its_secret_to_the_district_admin_in_pages()
    {
        var street = await IssueAsync("street-operator", "street:beidajie");
        var community = await IssueAsync("community-worker", "community:beidajie.donggou", Token(street));

        var (items, pages) = await fixture.Client().AllPagesAsync("/api/tokens?limit=2", 2);
        pages.ShouldBeGreaterThan(1);
        var listed = items.SingleOrDefault(t => t.GetProperty("tokenId").GetString() == Id(community));
        listed.ValueKind.ShouldBe(JsonValueKind.Object, "the community worker's token is listed");
        listed.GetProperty("role").GetString().ShouldBe("community-worker");
        listed.GetProperty("scope").GetString().ShouldBe("community:beidajie.donggou");
        listed.GetProperty("label").GetString().ShouldBe("community-worker for community:beidajie.donggou");
        listed.GetProperty("issuedBy").GetString().ShouldBe("street-operator for street:beidajie");
        listed.GetProperty("issuerTokenId").GetString().ShouldBe(Id(street));
        var issuedAt = listed.GetProperty("issuedAt").GetDateTimeOffset();
        (listed.GetProperty("expiresAt").GetDateTimeOffset() - issuedAt).ShouldBe(TimeSpan.FromDays(365));
        listed.GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.Null, "it has not been used");

        var text = await fixture.Client().GetStringAsync("/api/tokens?limit=1000");
        text.Contains(Token(community), StringComparison.Ordinal).ShouldBeFalse("never the secret");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token(community))));
        text.Contains(hash, StringComparison.Ordinal).ShouldBeFalse("never its hash");
        text.Contains("secret", StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
    }

    [Fact]
    public async Task A_street_operator_lists_its_streets_tokens_and_any_other_token_only_itself()
    {
        var street = await IssueAsync("street-operator", "street:yijing");
        var grid = await IssueAsync("grid-worker", "grid:yijing.g001", Token(street));
        var elsewhere = await IssueAsync("grid-worker", "grid:nanshanlu.g002");

        var seen = await (await fixture.Client(Token(street)).GetAsync("/api/tokens?limit=1000")).JsonAsync();
        var scopes = seen.EnumerateArray().Select(t => t.GetProperty("scope").GetString()!).ToList();
        scopes.All(s => s.Contains(":yijing", StringComparison.Ordinal)).ShouldBeTrue(string.Join(", ", scopes));
        var ids = seen.EnumerateArray().Select(t => t.GetProperty("tokenId").GetString()).ToList();
        ids.ShouldContain(Id(street));
        ids.ShouldContain(Id(grid));
        ids.ShouldNotContain(Id(elsewhere));

        var own = await (await fixture.Client(Token(grid)).GetAsync("/api/tokens")).JsonAsync();
        own.EnumerateArray().Select(t => t.GetProperty("tokenId").GetString()).ShouldBe([Id(grid)]);
        await (await fixture.Client().GetAsync("/api/tokens?limit=0")).ShouldBeProblemAsync(400);
        await (await fixture.Client().GetAsync("/api/tokens?after=x")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_token_can_be_issued_to_expire_earlier_but_never_later_than_the_longest_lifetime()
    {
        var inAMonth = DateTimeOffset.UtcNow.AddDays(30).ToOffset(TimeSpan.FromHours(8));
        var issued = await IssueAsync("department-staff", "department:water", expiresAt: inAMonth.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        issued.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(inAMonth.Year, inAMonth.Month, inAMonth.Day, inAMonth.Hour, inAMonth.Minute, inAMonth.Second, inAMonth.Offset));

        foreach (var (expiresAt, fault) in new[]
                 {
                     (DateTimeOffset.UtcNow.AddDays(400).ToString("yyyy-MM-dd"), "beyond the longest token lifetime"),
                     ("2020-01-01", "not in the future"),
                     ("tomorrow", "not an ISO 8601 date"),
                 })
        {
            var refused = await fixture.Client().PostAsJsonAsync("/api/tokens", new { role = "department-staff", scope = "department:water", label = "x", expiresAt });
            (await refused.ShouldBeProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain(fault);
        }
    }

    [Fact]
    public async Task A_street_operator_revokes_tokens_of_its_street_below_it_and_the_district_admin_any()
    {
        var street = await IssueAsync("street-operator", "street:shangzhan");
        var byStreet = await IssueAsync("station-operator", "station:shangzhan.wf01", Token(street));
        var byAdmin = await IssueAsync("resident-unit", "resident-unit:shangzhan.u001");
        var otherOperator = await IssueAsync("street-operator", "street:shangzhan");
        var elsewhere = await IssueAsync("grid-worker", "grid:nanshanlu.g003");
        var streetClient = fixture.Client(Token(street));

        (await streetClient.DeleteAsync($"/api/tokens/{Id(byStreet)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await streetClient.DeleteAsync($"/api/tokens/{Id(byAdmin)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await streetClient.DeleteAsync($"/api/tokens/{Id(otherOperator)}")).ShouldBeProblemAsync(404);
        await (await streetClient.DeleteAsync($"/api/tokens/{Id(elsewhere)}")).ShouldBeProblemAsync(404);
        await (await fixture.Client(Token(elsewhere)).DeleteAsync($"/api/tokens/{Id(elsewhere)}")).ShouldBeProblemAsync(403);
        await (await fixture.Client().DeleteAsync("/api/tokens/nosuch")).ShouldBeProblemAsync(400);
        await (await fixture.Client(Token(byStreet)).GetAsync("/api/streets/shangzhan")).ShouldBeProblemAsync(401);
        (await fixture.Client(Token(otherOperator)).GetAsync("/api/streets/shangzhan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Client().DeleteAsync($"/api/tokens/{Id(otherOperator)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await fixture.Client().DeleteAsync($"/api/tokens/{Id(otherOperator)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent, "revoking again is no error");
    }

    [Fact]
    public async Task A_tokens_use_shows_in_the_list()
    {
        var issued = await IssueAsync("dispatch-staff", "district");
        (await fixture.Client(Token(issued)).GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        DateTimeOffset? lastUsed = null;
        for (var attempt = 0; attempt < 100 && lastUsed is null; attempt++)
        {
            var own = (await (await fixture.Client(Token(issued)).GetAsync("/api/tokens")).JsonAsync()).EnumerateArray().Single();
            lastUsed = own.GetProperty("lastUsedAt").ValueKind == JsonValueKind.Null ? null : own.GetProperty("lastUsedAt").GetDateTimeOffset();
            if (lastUsed is null)
                await Task.Delay(50);
        }
        lastUsed.ShouldNotBeNull("the use was recorded (at most once a minute per token)");
    }
}
