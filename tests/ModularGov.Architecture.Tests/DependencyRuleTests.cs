using System.Xml.Linq;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Architecture.Tests;

/// <summary>plugins → SharedKernel ← modules ← host; nothing references the host; nothing outside plugins/streets references a street.</summary>
public class DependencyRuleTests
{
    private static IEnumerable<string> OurReferences(AssemblyFacts assembly) => assembly.References.Where(Assemblies.IsOurs);

    [Fact]
    public void The_shared_kernel_references_nothing_of_ours()
    {
        var kernel = Assemblies.Kernel;
        kernel.References.ShouldNotBeEmpty();
        OurReferences(kernel).ShouldBeEmpty();
    }

    [Fact]
    public void A_street_references_only_the_shared_kernel_of_ours()
    {
        var streets = Assemblies.Streets;
        streets.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var street in streets)
            OurReferences(street).ShouldBe(["ModularGov.SharedKernel"], street.Name);
    }

    [Fact]
    public void A_module_references_the_kernel_and_other_modules_only()
    {
        var modules = Assemblies.Modules;
        modules.ShouldNotBeEmpty();
        var moduleNames = modules.Select(m => m.Name).ToHashSet();
        foreach (var module in modules)
        {
            OurReferences(module).ShouldContain("ModularGov.SharedKernel", module.Name);
            OurReferences(module).Where(r => r != "ModularGov.SharedKernel" && !moduleNames.Contains(r)).ShouldBeEmpty(module.Name);
        }
    }

    [Fact]
    public void The_host_references_the_kernel_and_modules_but_never_a_street()
    {
        var host = Assemblies.Host;
        var ours = OurReferences(host).ToList();
        ours.ShouldContain("ModularGov.SharedKernel");
        ours.ShouldContain("ModularGov.Access");
        ours.Where(Assemblies.IsStreet).ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_in_production_references_the_host()
    {
        var production = new[] { Assemblies.Kernel }.Concat(Assemblies.Modules).Concat(Assemblies.Streets).ToList();
        production.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var assembly in production)
            assembly.References.ShouldNotContain("ModularGov.Host", assembly.Name);
    }

    [Fact]
    public void No_project_outside_plugins_streets_references_a_bundled_street()
    {
        var streetsFolder = Path.Combine(RepoPaths.Root, "plugins", "streets") + Path.DirectorySeparatorChar;
        var projects = Directory.GetFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(streetsFolder, StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        projects.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var project in projects)
        {
            var references = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value)));
            references.Where(r => r.StartsWith(streetsFolder, StringComparison.Ordinal)).ShouldBeEmpty(project);
        }
    }

    [Fact]
    public void A_street_folder_holds_its_own_assembly_and_never_a_copy_of_a_shared_one()
    {
        var folders = Directory.GetDirectories(RepoPaths.BundledPlugins);
        folders.Length.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var folder in folders)
        {
            var dlls = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName).ToList();
            dlls.Count.ShouldBe(1, folder);
            dlls[0]!.ShouldStartWith("ModularGov.Streets.");
        }
    }
}
