using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Audit;

/// <summary>The operation log over HTTP: what is written for changes and refusals, who may read it, and its exports.</summary>
public sealed class AuditApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private async Task<(string Token, string TokenId)> IssueAsync(string role, string scope, string label)
    {
        var issued = await (await fixture.Client().PostAsJsonAsync("/api/tokens", new { role, scope, label })).JsonAsync();
        return (issued.GetProperty("token").GetString()!, issued.GetProperty("tokenId").GetString()!);
    }

    private async Task<HttpClient> AuditorAsync() => (await fixture.AuditorAsync()).Client;

    private static async Task<long> LastSeqAsync(HttpClient auditor) =>
        (await (await auditor.GetAsync("/api/audit/verify")).JsonAsync()).GetProperty("lastSeq").GetInt64();

    /// <summary>The entries after <paramref name="after"/>, leaving out the reads of the log (the auditor's own among them).</summary>
    private static async Task<List<JsonElement>> EntriesAfterAsync(HttpClient auditor, long after)
    {
        var (items, _) = await auditor.AllPagesAsync($"/api/audit?after={after}", 1000);
        return items.Where(e => e.GetProperty("module").GetString() != "Audit").ToList();
    }

    [Fact]
    public async Task A_change_leaves_exactly_one_entry_saying_who_what_on_which_record_and_how_it_ended_but_no_secret()
    {
        var auditor = await AuditorAsync();
        var before = await LastSeqAsync(auditor);
        var (token, tokenId) = await IssueAsync("street-operator", "street:nanshanlu", "南山路街道 赵六");
        var operatorClient = fixture.Client(token);
        var revoke = await fixture.Client().DeleteAsync($"/api/tokens/{tokenId}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var entries = await EntriesAfterAsync(auditor, before);
        entries.Count.ShouldBe(2, string.Join("\n", entries));
        var issue = entries[0];
        issue.GetProperty("method").GetString().ShouldBe("POST");
        issue.GetProperty("path").GetString().ShouldBe("/api/tokens");
        issue.GetProperty("module").GetString().ShouldBe("Access");
        issue.GetProperty("outcome").GetString().ShouldBe("succeeded");
        issue.GetProperty("status").GetInt32().ShouldBe(201);
        issue.GetProperty("role").GetString().ShouldBe("district-admin");
        issue.GetProperty("address").GetString().ShouldBe("127.0.0.1");
        var revocation = entries[1];
        revocation.GetProperty("action").GetString().ShouldBe("DELETE /api/tokens/{tokenId}");
        revocation.GetProperty("record").GetString().ShouldBe($"tokenId={tokenId}");
        revocation.GetProperty("actor").GetString().ShouldBe(issue.GetProperty("actor").GetString());
        string.Join("", entries).Contains(token).ShouldBeFalse("the token issued is in the response, never in the log");
        await (await operatorClient.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task A_refused_attempt_leaves_a_refused_entry_naming_the_caller_and_nothing_else_changes()
    {
        var auditor = await AuditorAsync();
        var (token, tokenId) = await IssueAsync("street-operator", "street:nanshanlu", "南山路街道 孙七");
        var before = await LastSeqAsync(auditor);
        var outsider = fixture.Client(token);
        await (await outsider.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:yijing", label = "越权" })).ShouldBeProblemAsync(403);
        await (await fixture.Client(null).PostAsJsonAsync("/api/tokens", new { role = "grid-worker", scope = "grid:x", label = "无令牌" })).ShouldBeProblemAsync(401);
        await (await outsider.GetAsync("/api/audit")).ShouldBeProblemAsync(403);

        var entries = await EntriesAfterAsync(auditor, before);
        entries.Count.ShouldBe(2, string.Join("\n", entries));
        (entries[0].GetProperty("actor").GetString(), entries[0].GetProperty("outcome").GetString(), entries[0].GetProperty("status").GetInt32())
            .ShouldBe((tokenId, "refused", 403));
        (entries[1].GetProperty("actor").GetString(), entries[1].GetProperty("outcome").GetString(), entries[1].GetProperty("status").GetInt32())
            .ShouldBe(("anonymous", "refused", 401));
        var (refusedRead, _) = await auditor.AllPagesAsync($"/api/audit?after={before}&module=Audit&outcome=refused", 1000);
        refusedRead.Count(e => e.GetProperty("actor").GetString() == tokenId && e.GetProperty("status").GetInt32() == 403).ShouldBe(1);
    }

    [Fact]
    public async Task The_audit_admin_reads_the_log_and_nothing_else_and_changes_nothing()
    {
        var auditor = await AuditorAsync();
        (await auditor.GetAsync("/api/audit?limit=5")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await auditor.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(403);
        await (await auditor.GetAsync("/api/dispatch/sanctions")).ShouldBeProblemAsync(403);
        await (await auditor.PostAsJsonAsync("/api/tokens", new { role = "grid-worker", scope = "grid:nanshanlu.g01", label = "x" })).ShouldBeProblemAsync(403);
        await (await auditor.PostAsync("/api/admin/backups", null)).ShouldBeProblemAsync(403);
        await (await fixture.Client().GetAsync("/api/audit")).ShouldBeProblemAsync(403);
        (await auditor.DeleteAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Bad_queries_are_refused_naming_the_parameter()
    {
        var auditor = await AuditorAsync();
        (await (await auditor.GetAsync("/api/audit?from=yesterday")).ShouldBeProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain("from 'yesterday'");
        (await (await auditor.GetAsync("/api/audit?outcome=maybe")).ShouldBeProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain("outcome 'maybe'");
        (await (await auditor.GetAsync("/api/audit?from=2026-12-02&to=2026-12-01")).ShouldBeProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain("must be after");
        await (await auditor.GetAsync($"/api/audit?actor={new string('a', 300)}")).ShouldBeProblemAsync(400);
        await (await auditor.GetAsync("/api/audit/export?format=pdf")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_time_range_and_an_actor_select_the_entries_in_pages()
    {
        var auditor = await AuditorAsync();
        var (token, tokenId) = await IssueAsync("street-operator", "street:yijing", "义井街道 周八");
        var caller = fixture.Client(token);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        for (var i = 0; i < 5; i++)
            await (await caller.PostAsJsonAsync("/api/tokens", new { role = "district-admin", scope = "district", label = $"越权 {i}" })).ShouldBeProblemAsync(403);
        var (items, pages) = await auditor.AllPagesAsync($"/api/audit?actor={tokenId}&from={today}&limit=2", 2);
        (items.Count, pages).ShouldBe((5, 3));
        items.All(e => e.GetProperty("outcome").GetString() == "refused").ShouldBeTrue();
        var (none, _) = await auditor.AllPagesAsync($"/api/audit?actor={tokenId}&to=2026-01-01", 2);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task Exports_escape_cells_a_spreadsheet_would_run_as_formulas()
    {
        var auditor = await AuditorAsync();
        var (token, tokenId) = await IssueAsync("street-operator", "street:yijing", "=HYPERLINK(\"http://evil\",\"x\")");
        await (await fixture.Client(token).PostAsJsonAsync("/api/tokens", new { role = "district-admin", scope = "district", label = "x" })).ShouldBeProblemAsync(403);

        var csv = await auditor.GetAsync($"/api/audit/export?format=csv&actor={tokenId}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        text.Contains(",\"=HYPERLINK").ShouldBeFalse();
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);

        var xlsx = await auditor.GetAsync($"/api/audit/export?format=xlsx&actor={tokenId}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["名称 Label"].ShouldBe("'=HYPERLINK(\"http://evil\",\"x\")");
        rows[0]["结果 Outcome"].ShouldBe("拒绝 refused");
    }
}
