using System.Net;
using System.Net.Http.Json;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModularGov.Host.Audit;
using ModularGov.Host.Cli;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Audit;

/// <summary>The log on disk with the whole host: a change is acknowledged only with its entry, and <c>audit verify</c> finds tampering.</summary>
public sealed class AuditDurabilityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static Dictionary<string, string> OnLiteDb => new() { ["Storage:Provider"] = "LiteDb" };

    [Fact]
    public async Task A_change_whose_entry_cannot_reach_the_disk_is_not_acknowledged_and_later_changes_are_refused()
    {
        await using var district = await InProcessDistrict.StartAsync(OnLiteDb, dataDir: _folder.Path, replace: services =>
            services.AddSingleton(provider => new AuditTrail(_folder.Path, new AuditOptions(), provider.GetRequiredService<ILogger<AuditTrail>>(),
                flush: _ => throw new IOException("the disk holding the log refused the flush (test)"))));
        var admin = district.Client();

        var first = await (await admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:yijing", label = "义井街道" })).ShouldBeProblemAsync(503);
        first.GetProperty("code").GetString().ShouldBe("audit-unavailable");
        first.ToString().Contains("\"token\"").ShouldBeFalse("the issued token is not handed out unacknowledged");
        await (await admin.DeleteAsync("/api/tokens/anything")).ShouldBeProblemAsync(503);
        (await admin.GetAsync("/api/streets/yijing")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads go on");
        var health = await admin.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.JsonAsync()).GetProperty("status").GetString().ShouldBe("audit-failed");
    }

    [Fact]
    public async Task Audit_verify_passes_a_stopped_hosts_log_and_names_an_edited_then_a_removed_entry()
    {
        var dataDir = _folder.Sub("data");
        await using (var district = await InProcessDistrict.StartAsync(OnLiteDb, dataDir: dataDir))
        {
            var admin = district.Client();
            for (var i = 0; i < 4; i++)
                (await admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:yijing", label = $"义井街道 {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            var running = new StringWriter();
            AuditCommands.Run(["verify", $"--Storage:DataDir={dataDir}"], running).ShouldBe(2);
            running.ToString().ShouldContain("/api/audit/verify");
        }

        Verify(dataDir).ShouldBe((0, "entries 1–4"));
        using (var file = new LiteDatabase(Path.Combine(dataDir, AuditTrail.FileName)))
        {
            var entries = file.GetCollection("entries");
            var second = entries.FindById(2);
            second["Status"] = 403;
            entries.Update(second).ShouldBeTrue();
        }
        Verify(dataDir).ShouldBe((1, "at entry 2: entry 2 was altered"));
        using (var file = new LiteDatabase(Path.Combine(dataDir, AuditTrail.FileName)))
            file.GetCollection("entries").Delete(2).ShouldBeTrue();
        Verify(dataDir).ShouldBe((1, "at entry 2: entries 2–2 were removed"));
    }

    /// <summary>The verb's exit code and the part of its first line that names the result.</summary>
    private static (int Exit, string Says) Verify(string dataDir)
    {
        var output = new StringWriter();
        var exit = AuditCommands.Run(["verify", $"--Storage:DataDir={dataDir}"], output);
        var said = output.ToString();
        var says = new[] { "entries 1–4", "at entry 2: entry 2 was altered", "at entry 2: entries 2–2 were removed" }.FirstOrDefault(said.Contains) ?? said;
        return (exit, says);
    }

    public void Dispose() => _folder.Dispose();
}
