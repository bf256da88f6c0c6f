using System.Net;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Audit;

/// <summary>The audit administrator's console pages over the log: filtered and paged as /api/audit is, its export, its chain check; nobody else reads them.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() => _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task The_audit_admin_reads_filters_exports_and_checks_the_log_in_the_console_and_nobody_else_does()
    {
        var system = await _district.AdministratorAsync("sysadmin");
        var audit = await _district.AdministratorAsync("auditadmin");

        var signIns = await audit.Client.GetStringAsync("/audit?kind=sign-in");
        signIns.ShouldContain("<h1>登录日志</h1>");
        signIns.ShouldContain("(acct:sysadmin)");
        signIns.Contains("<td>操作</td>").ShouldBeFalse("only sign-ins are listed");
        signIns.ShouldContain("/api/audit/export?kind=sign-in&amp;format=xlsx");

        var all = await audit.Client.GetStringAsync("/audit");
        all.ShouldContain("<td>操作</td>");

        using var bad = await audit.Client.GetAsync("/audit?from=yesterday");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("from &#x27;yesterday&#x27; is not a time");

        using var export = await audit.Client.GetAsync("/api/audit/export?kind=sign-in&format=xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Count();
        rows.ShouldBeGreaterThan(0);

        (await audit.Client.GetStringAsync("/audit/verify")).ShouldContain("日志链完整");

        using var refused = await system.Client.GetAsync("/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("无权访问");
        using var otherStreet = await system.Client.GetAsync("/streets/nosuch");
        otherStreet.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var logged = await audit.Client.GetStringAsync("/audit?actor=acct:sysadmin&outcome=refused");
        logged.Contains("<td>GET /audit/</td>").ShouldBeTrue("a refused console page is logged as a refused attempt");
        (await audit.Client.GetStringAsync("/audit?actor=acct:auditadmin")).ShouldContain("GET /audit", Case.Sensitive, "reading the log in the console is logged");
    }
}
