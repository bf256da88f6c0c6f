using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Tests.Plugins;

/// <summary>The four bundled streets, loaded from the host's plugin folder exactly as the host loads them.</summary>
public class BundledStreetsTests
{
    private static readonly PluginScan Scan = StreetPluginLoader.LoadAll(RepoPaths.BundledPlugins, ModularGov.Host.Hosting.ModuleCatalog.Shipped());

    private static StreetProfile Street(string code) => Scan.Loaded.Single(s => s.Code == code).Profile;

    [Fact]
    public void All_four_bundled_streets_load_with_nothing_rejected()
    {
        Scan.Rejected.ShouldBeEmpty();
        Scan.Loaded.Select(s => s.Code).Order().ShouldBe(["beidajie", "nanshanlu", "shangzhan", "yijing"]);
        Scan.Loaded.Select(s => s.Profile.Name).Order().ShouldBe(["上站街道", "义井镇", "北大街街道", "南山路街道"]);
    }

    [Fact]
    public void Nanshanlu_reproduces_the_seed_figures_exactly()
    {
        var nanshanlu = Street("nanshanlu");
        nanshanlu.Kind.ShouldBe(StreetKind.Subdistrict);
        nanshanlu.AreaKm2.ShouldBe(7.22m);
        nanshanlu.Communities.Count.ShouldBe(16);
        nanshanlu.Households.ShouldBe(34_977);
        nanshanlu.Residents.ShouldBe(67_243);
        nanshanlu.ResidentUnits.ShouldBe(79);
        nanshanlu.Sample.ShouldBeFalse();
        nanshanlu.Communities.Sum(c => c.Households).ShouldBe(34_977);
        nanshanlu.Communities.Sum(c => c.Residents).ShouldBe(67_243);
    }

    [Theory]
    [InlineData("nanshanlu", "新华西街社区")]
    [InlineData("nanshanlu", "阳坡垴社区")]
    [InlineData("shangzhan", "市政府大院社区")]
    [InlineData("shangzhan", "小阳泉南社区")]
    [InlineData("beidajie", "东沟社区")]
    [InlineData("yijing", "王家峪村")]
    [InlineData("yijing", "河下村")]
    public void Every_community_the_seed_names_is_there_by_name(string street, string community)
    {
        Street(street).Communities.Count(c => c.Name == community).ShouldBe(1);
    }

    [Fact]
    public void Yijing_is_a_town_of_villages()
    {
        var yijing = Street("yijing");
        yijing.Kind.ShouldBe(StreetKind.Town);
        yijing.Communities.ShouldAllBe(c => c.Kind == CommunityKind.Village);
        Scan.Loaded.Single(s => s.Code == "yijing").Manifest.Kind.ShouldBe("镇");
    }

    [Fact]
    public void Figures_the_seed_does_not_give_are_marked_sample_and_still_add_up()
    {
        foreach (var street in Scan.Loaded.Select(s => s.Profile))
        {
            StreetProfileRules.Check(street).ShouldBeEmpty(street.Code);
            street.Communities.ShouldAllBe(c => c.Sample, "no community figure comes from the seed");
        }
        foreach (var code in new[] { "shangzhan", "beidajie", "yijing" })
        {
            Street(code).Sample.ShouldBeTrue(code);
            Street(code).Source.ShouldContain("sample");
        }
        // 22 resident units of 市政府大院社区 claimed tasks: the street must have at least that many.
        Street("shangzhan").ResidentUnits.ShouldBeGreaterThanOrEqualTo(22);
    }

    [Fact]
    public void A_plugin_folder_holds_only_its_own_assembly_never_a_copy_of_the_shared_ones()
    {
        foreach (var street in Scan.Loaded)
        {
            var dlls = Directory.GetFiles(street.Folder, "*.dll").Select(Path.GetFileName).ToList();
            dlls.ShouldBe([Path.GetFileName(street.Assembly.Location)], street.Code);
        }
    }

    [Fact]
    public void The_kernel_is_shared_with_the_host_not_loaded_twice()
    {
        foreach (var street in Scan.Loaded)
        {
            var kernel = street.Assembly.GetReferencedAssemblies().Single(a => a.Name == "ModularGov.SharedKernel");
            System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(street.Assembly)!
                .LoadFromAssemblyName(kernel).ShouldBeSameAs(typeof(StreetProfile).Assembly);
        }
    }
}
