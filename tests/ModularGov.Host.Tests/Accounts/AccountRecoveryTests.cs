using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Cli;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Accounts;

/// <summary>The way back in from the host's command line, and the command line's changes in the operation log.</summary>
public sealed class AccountRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static Dictionary<string, string> OnLiteDb => new() { ["Storage:Provider"] = "LiteDb" };

    [Fact]
    public async Task An_administrator_locked_out_of_everything_is_reset_on_the_stopped_hosts_command_line_and_the_log_says_so()
    {
        var dataDir = _folder.Sub("data");
        await using (var district = await InProcessDistrict.StartAsync(OnLiteDb, dataDir: dataDir))
        {
            await district.AdministratorAsync("secadmin");
            var running = new StringWriter();
            (await AccountCommands.RunAsync(["reset", "secadmin", $"--Storage:DataDir={dataDir}", $"--Plugins:Path={RepoPaths.BundledPlugins}"], running)).ShouldBe(1);
            running.ToString().ShouldContain("stop the host first");
        }

        var output = new StringWriter();
        (await AccountCommands.RunAsync(["reset", "secadmin", $"--Storage:DataDir={dataDir}", $"--Plugins:Path={RepoPaths.BundledPlugins}"], output)).ShouldBe(0, output.ToString());
        var password = output.ToString().Split('\n').Single(l => l.StartsWith("password:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var unknown = new StringWriter();
        (await AccountCommands.RunAsync(["reset", "nobody", $"--Storage:DataDir={dataDir}", $"--Plugins:Path={RepoPaths.BundledPlugins}"], unknown)).ShouldBe(1);
        unknown.ToString().ShouldContain("no account 'nobody'");

        await using var again = await InProcessDistrict.StartAsync(OnLiteDb, dataDir: dataDir);
        var browser = People.Browser(again.Address);
        (await (await browser.SignInAsync("secadmin", password)).JsonAsync()).GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue("no code asked: the lost factor is gone");
        (await browser.PostAsJsonAsync("/api/account/password", new { current = password, next = "Zhao-Hui-2026!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await browser.SignInAsync("secadmin", "Zhao-Hui-2026!")).JsonAsync()).GetProperty("mustEnrolSecondFactor").GetBoolean().ShouldBeTrue();

        var auditor = await again.AdministratorAsync("auditadmin");
        var (entries, _) = await auditor.Client.AllPagesAsync("/api/audit?actor=command%20line", 1000);
        entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("record").GetString(), e.GetProperty("outcome").GetString()))
            .ShouldBe([("accounts reset", "login=secadmin", "succeeded"), ("accounts reset", "login=nobody", "rejected")]);
        (await (await auditor.Client.GetAsync("/api/audit/verify")).JsonAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    public void Dispose() => _folder.Dispose();
}
