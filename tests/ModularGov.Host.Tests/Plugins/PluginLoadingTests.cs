using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Plugins;

/// <summary>Every way a plugin folder can be broken gives one reason naming the folder; the good streets load regardless.</summary>
public sealed class PluginLoadingTests : IDisposable
{
    private readonly PluginFolder _plugins = new();

    private string ReasonFor(PluginScan scan, string folder) =>
        scan.Rejected.Single(r => Path.GetFileName(r.Folder) == folder).Reason;

    [Fact]
    public void The_four_good_streets_load_beside_the_broken_folders()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        scan.Loaded.Select(s => s.Code).Order().ShouldBe(["beidajie", "nanshanlu", "shangzhan", "yijing"]);
        scan.Rejected.Select(r => Path.GetFileName(r.Folder)).Order().ShouldBe(PluginFolder.BrokenFolders);
    }

    [Fact]
    public void A_dll_that_is_not_a_street_plugin_is_rejected()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        ReasonFor(scan, "garbage").ShouldBe("not a street plugin: ModularGov.Streets.Garbage.dll: the file is not a .NET assembly");
        ReasonFor(scan, "nomanifest").ShouldBe("not a street plugin: ModularGov.Streets.NoManifest.dll: the assembly carries no [assembly: StreetPlugin(...)] manifest");
        ReasonFor(scan, "empty").ShouldBe("not a street plugin: the folder holds no ModularGov.Streets.*.dll");
    }

    [Fact]
    public void A_plugin_built_against_another_kernel_contract_is_rejected_before_its_code_runs()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        // The fixture's Profile getter throws: had the host run it, the reason would say so.
        ReasonFor(scan, "futurekernel").ShouldBe("built against kernel contract v99, this host offers v4: rebuild the plugin against this kernel");
    }

    [Fact]
    public void A_second_plugin_with_the_same_street_code_is_rejected()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        ReasonFor(scan, "nanshanlu2").ShouldBe("duplicate street code 'nanshanlu': already served from folder 'nanshanlu'");
        scan.Loaded.Single(s => s.Code == "nanshanlu").Folder.ShouldEndWith("nanshanlu");
    }

    [Fact]
    public void A_plugin_whose_registration_throws_is_rejected_with_the_innermost_reason()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        ReasonFor(scan, "throwing").ShouldBe("the plugin threw InvalidOperationException: 报事路由规则缺少配置 (routing rule not configured)");
    }

    [Fact]
    public void A_plugin_whose_data_does_not_add_up_is_rejected()
    {
        var scan = StreetPluginLoader.LoadAll(_plugins.Root, ModuleCatalog.Shipped());
        ReasonFor(scan, "baddata").ShouldBe("its data is inconsistent: communities' households add up to 900, the street says 1000");
    }

    [Fact]
    public void With_FailOnError_the_host_refuses_to_start_and_names_every_broken_folder()
    {
        var error = Should.Throw<StartupRefusedException>(() => DistrictHost.Create(
        [
            $"--Plugins:Path={_plugins.Root}", "--Plugins:FailOnError=true", "--Storage:Provider=Memory",
        ]));
        foreach (var folder in PluginFolder.BrokenFolders)
            error.Message.ShouldContain(Path.Combine(_plugins.Root, folder) + ":");
    }

    [Fact]
    public void Plugins_list_says_what_would_load_and_why_not()
    {
        var output = new StringWriter();
        var exit = Cli.PluginCommands.Run(["list", $"--Plugins:Path={_plugins.Root}"], output);
        exit.ShouldBe(1);
        var text = output.ToString();
        text.ShouldContain("OK        nanshanlu        nanshanlu 南山路街道 (街道) v1.0.0, kernel contract v4: 16 communities, 34977 households, 67243 residents, 79 resident units");
        text.ShouldContain("REJECTED  futurekernel     built against kernel contract v99");
        text.ShouldContain("4 would load, 7 rejected");
    }

    [Fact]
    public void Plugins_validate_checks_one_folder()
    {
        var good = new StringWriter();
        Cli.PluginCommands.Run(["validate", Path.Combine(_plugins.Root, "yijing")], good).ShouldBe(0);
        good.ToString().ShouldContain("OK");
        good.ToString().ShouldContain("yijing 义井镇 (镇)");

        var bad = new StringWriter();
        Cli.PluginCommands.Run(["validate", Path.Combine(_plugins.Root, "throwing")], bad).ShouldBe(1);
        bad.ToString().ShouldContain("REJECTED");
        bad.ToString().ShouldContain("报事路由规则缺少配置");

        Cli.PluginCommands.Run(["validate"], new StringWriter()).ShouldBe(2);
    }

    public void Dispose() => _plugins.Dispose();
}
