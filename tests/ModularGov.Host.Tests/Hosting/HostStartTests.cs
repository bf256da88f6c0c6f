using System.Net;
using System.Net.Http.Headers;
using ModularGov.Host.Audit;
using ModularGov.Host.Cli;
using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.Host.Tests.Plugins;
using ModularGov.Testing;

namespace ModularGov.Host.Tests.Hosting;

/// <summary>The host executable started on a plugin folder the test assembled, and the token verbs on a stopped host's data.</summary>
public sealed class HostStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_host_logs_each_broken_plugin_once_with_its_reason_and_serves_the_other_streets()
    {
        using var plugins = new PluginFolder();
        await using var host = HostProcess.Start(_folder.Path, $"--Plugins:Path={plugins.Root}", $"--Auth:BootstrapToken={TestTokens.HostStart}");
        await host.WaitUntilHealthyAsync();
        await host.WaitForOutputAsync("Application started");

        var rejections = host.Output.Split('\n').Where(l => l.Contains("street plugin rejected")).ToList();
        rejections.Count.ShouldBe(PluginFolder.BrokenFolders.Length, host.Output);
        foreach (var folder in PluginFolder.BrokenFolders)
            rejections.Count(l => l.Contains(Path.Combine(plugins.Root, folder) + ": ")).ShouldBe(1, folder);
        host.Output.ShouldContain("duplicate street code 'nanshanlu'");

        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.HostStart);
        var streets = await (await client.GetAsync("/api/streets")).JsonAsync();
        streets.EnumerateArray().Select(s => s.GetProperty("code").GetString()).Order().ShouldBe(["beidajie", "nanshanlu", "shangzhan", "yijing"]);
    }

    [Fact]
    public async Task The_bootstrap_token_is_read_from_the_environment()
    {
        var token = TestTokens.HostStart + "-from-the-environment";
        await using var host = HostProcess.Start(_folder.Path, new Dictionary<string, string> { ["Auth__BootstrapToken"] = token }, $"--Plugins:Path={RepoPaths.BundledPlugins}");
        await host.WaitUntilHealthyAsync();
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK, host.Output);
        host.Output.ShouldNotContain(token);
        File.Exists(Path.Combine(_folder.Sub("data"), "first-start-admin-token")).ShouldBeFalse("a bootstrap token replaces the first start's");
    }

    [Fact]
    public async Task With_FailOnError_the_host_exits_with_a_clear_message()
    {
        using var plugins = new PluginFolder();
        await using var host = HostProcess.Start(_folder.Path, $"--Plugins:Path={plugins.Root}", "--Plugins:FailOnError=true");
        (await host.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(3);
        host.Output.ShouldContain("refused to start");
        host.Output.ShouldContain("throwing: the plugin threw InvalidOperationException");
    }

    [Theory]
    [InlineData("--Dispatch:OrdinaryWorkingDays=0", "Dispatch:OrdinaryWorkingDays must be between 1 and 60 (was 0)")]
    [InlineData("--Orleans:SiloPort=70000", "Orleans:SiloPort must be between 1 and 65535 (was 70000)")]
    [InlineData("--RateLimits:Window=soon", "'RateLimits:Window'")]
    [InlineData("--Orleans:GatewayPort=30000", "Orleans:GatewayPort must be 0 or absent: the host opens no Orleans gateway")]
    [InlineData("--Storage:Provider=Redis", "Orleans:Tls:CertificatePath must name this silo's certificate in cluster mode (Storage:Provider=Redis)")]
    [InlineData("--Auth:BootstrapToken=bench-admin", "Auth:BootstrapToken must be 32–512 characters")]
    [InlineData("--Auth:TokenLifetime=00:00:01", "Auth:TokenLifetime must be between")]
    public async Task A_bad_option_refuses_the_start_naming_its_key(string setting, string message)
    {
        await using var host = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}", setting);
        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(3, host.Output);
        host.Output.ShouldContain("refused to start");
        host.Output.ShouldContain(message);
    }

    [Fact]
    public async Task A_broken_calendar_file_refuses_the_start_naming_the_file()
    {
        var calendar = _folder.Sub("calendar");
        Directory.CreateDirectory(calendar);
        await File.WriteAllTextAsync(Path.Combine(calendar, "2027.json"), """{ "year": 2027, "source": "x", "holidays": [], "makeUpWorkingDays": [ "2027-01-06" ] }""");
        await using var host = HostProcess.Start(_folder.Path, $"--Plugins:Path={RepoPaths.BundledPlugins}", $"--Calendar:Path={calendar}");
        (await host.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(3);
        host.Output.ShouldContain("refused to start");
        host.Output.ShouldContain(Path.Combine(calendar, "2027.json"));
        host.Output.ShouldContain("is a Wednesday");
    }

    [Fact]
    public async Task Next_years_calendar_dropped_into_the_calendar_folder_extends_the_deadlines_the_host_can_count()
    {
        var calendar = _folder.Sub("calendar-2027");
        Directory.CreateDirectory(calendar);
        await File.WriteAllTextAsync(Path.Combine(calendar, "2027.json"),
            """{ "year": 2027, "source": "测试数据 (test data)", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "makeUpWorkingDays": [] }""");
        await using (var shipped = await InProcessDistrict.StartAsync())
            (await (await shipped.Client(token: null).GetAsync("/health")).JsonAsync()).GetProperty("calendarUntil").GetString().ShouldBe("2026-12-31");
        await using var extended = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Calendar:Path"] = calendar });
        (await (await extended.Client(token: null).GetAsync("/health")).JsonAsync()).GetProperty("calendarUntil").GetString().ShouldBe("2027-12-31");
    }

    [Fact]
    public async Task A_token_issued_on_the_command_line_works_on_the_next_start()
    {
        var dataDir = _folder.Sub("data");
        var output = new StringWriter();
        var exit = await TokenCommands.RunAsync(
            ["issue", "--role", "community-worker", "--scope", "community:shangzhan.xiaoyangquannan", "--label", "小阳泉南社区",
             $"--Storage:DataDir={dataDir}", $"--Plugins:Path={RepoPaths.BundledPlugins}"], output);
        exit.ShouldBe(0, output.ToString());
        var token = output.ToString().Split('\n').Single(l => l.StartsWith("token:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        var refused = new StringWriter();
        (await TokenCommands.RunAsync(["issue", "--role", "community-worker", "--scope", "community:shangzhan.nosuch",
            $"--Storage:DataDir={dataDir}", $"--Plugins:Path={RepoPaths.BundledPlugins}"], refused)).ShouldBe(1);
        refused.ToString().ShouldContain("does not exist in street 'shangzhan'");

        await using var district = await InProcessDistrict.StartAsync(
            new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" }, dataDir: dataDir);
        (await district.Client(token).GetAsync("/api/streets/shangzhan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await district.Client(token).GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task The_token_verbs_refuse_memory_storage_and_bad_usage()
    {
        var output = new StringWriter();
        (await TokenCommands.RunAsync(["issue", "--role", "district-admin", "--scope", "district", "--Storage:Provider=Memory"], output)).ShouldBe(1);
        output.ToString().ShouldContain("would vanish");
        (await TokenCommands.RunAsync(["frobnicate"], new StringWriter())).ShouldBe(2);
    }

    [Fact]
    public async Task The_dispatch_verbs_show_a_ranking_close_a_month_and_list_its_sanctions()
    {
        string[] data = [$"--Storage:DataDir={_folder.Sub("data")}", $"--Plugins:Path={RepoPaths.BundledPlugins}"];
        var ranking = new StringWriter();
        (await DispatchCommands.RunAsync(["ranking", "2026-10", .. data], ranking)).ShouldBe(0, ranking.ToString());
        ranking.ToString().ShouldContain("\"month\": \"2026-10\"");
        ranking.ToString().ShouldContain("阳泉市供水公司");

        var closed = new StringWriter();
        (await DispatchCommands.RunAsync(["close-month", "2026-10", .. data], closed)).ShouldBe(0, closed.ToString());
        (await DispatchCommands.RunAsync(["close-month", "2026-13", .. data], new StringWriter())).ShouldBe(1);
        var configuration = DistrictConfiguration.Build(data);
        using (var trail = OfflineAudit.Open(configuration, HostSettings.From(configuration)))
            trail.Query(new AuditFilter(Module: "Dispatch"), 0, 10).Entries.Select(e => (e.Actor, e.Action, e.Record, e.Outcome))
                .ShouldBe([("command line", "dispatch close-month", "month=2026-10", "succeeded"), ("command line", "dispatch close-month", "month=2026-13", "rejected")]);
        var sanctions = new StringWriter();
        (await DispatchCommands.RunAsync(["sanctions", "2026", .. data], sanctions)).ShouldBe(0);
        sanctions.ToString().Trim().ShouldBe("[]", "no unit led enough cases to be ranked");

        var bad = new StringWriter();
        (await DispatchCommands.RunAsync(["ranking", "october", .. data], bad)).ShouldBe(1);
        bad.ToString().ShouldContain("yyyy-MM");
        (await DispatchCommands.RunAsync(["frobnicate"], new StringWriter())).ShouldBe(2);
    }

    [Fact]
    public async Task The_personnel_verbs_print_the_staffing_promotions_secondments_and_graduate_figures()
    {
        string[] data = [$"--Storage:DataDir={_folder.Sub("data")}", $"--Plugins:Path={RepoPaths.BundledPlugins}"];
        var staffing = new StringWriter();
        (await PersonnelCommands.RunAsync(["staffing", "nanshanlu", .. data], staffing)).ShouldBe(0, staffing.ToString());
        staffing.ToString().ShouldContain("\"staffAfter\": 52");
        var promotions = new StringWriter();
        (await PersonnelCommands.RunAsync(["promotions", "nanshanlu", .. data], promotions)).ShouldBe(0, promotions.ToString());
        promotions.ToString().ShouldContain("\"directedRecruitment\": 5");
        var secondments = new StringWriter();
        (await PersonnelCommands.RunAsync(["secondments", "nanshanlu", .. data], secondments)).ShouldBe(0, secondments.ToString());
        secondments.ToString().ShouldContain("\"peakOut\": 7");
        var graduates = new StringWriter();
        (await PersonnelCommands.RunAsync(["graduates", .. data], graduates)).ShouldBe(0, graduates.ToString());
        graduates.ToString().ShouldContain("\"recruited\": 65");
        var unknown = new StringWriter();
        (await PersonnelCommands.RunAsync(["staffing", "nowhere", .. data], unknown)).ShouldBe(1);
        unknown.ToString().ShouldContain("no street 'nowhere'");
        (await PersonnelCommands.RunAsync(["staffing"], new StringWriter())).ShouldBe(2);
    }

    [Fact]
    public async Task The_duties_verbs_check_a_certificate_and_compare_list_versions()
    {
        string[] data = [$"--Storage:DataDir={_folder.Sub("data")}", $"--Plugins:Path={RepoPaths.BundledPlugins}"];
        var check = new StringWriter();
        (await DutyCommands.RunAsync(["check-certificate", "父子关系证明", .. data], check)).ShouldBe(0, check.ToString());
        check.ToString().ShouldContain("\"refuse\": true");
        check.ToString().ShouldContain("亲属关系证明");
        var compare = new StringWriter();
        (await DutyCommands.RunAsync(["compare", "nanshanlu", "1", "1", .. data], compare)).ShouldBe(0, compare.ToString());
        compare.ToString().ShouldContain("\"added\": []");
        var missing = new StringWriter();
        (await DutyCommands.RunAsync(["compare", "nanshanlu", "1", "9", .. data], missing)).ShouldBe(1);
        missing.ToString().ShouldContain("versions available: 1");
        (await DutyCommands.RunAsync(["compare", "nanshanlu"], new StringWriter())).ShouldBe(2);
    }

    public void Dispose() => _folder.Dispose();
}
