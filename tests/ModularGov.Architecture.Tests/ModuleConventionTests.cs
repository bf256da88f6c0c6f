using System.Reflection;
using System.Runtime.CompilerServices;

namespace ModularGov.Architecture.Tests;

/// <summary>How modules keep their insides to themselves: endpoint classes stay internal, and only a module's own tests see its internals.</summary>
public class ModuleConventionTests
{
    [Fact]
    public void Endpoint_classes_are_internal_static()
    {
        var endpoints = Loaded.Types([.. Loaded.Modules, Loaded.Host])
            .Where(t => t.IsClass && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(10);
        endpoints.Where(t => t.IsVisible || !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void A_module_shows_its_internals_to_its_own_tests_and_to_no_other_modules_tests()
    {
        var modules = Loaded.Modules.Select(m => m.GetName().Name!).ToList();
        var moduleTests = modules.Select(m => m + ".Tests").ToHashSet();
        var grants = Loaded.Modules
            .SelectMany(m => m.GetCustomAttributes<InternalsVisibleToAttribute>()
                .Select(a => (Module: m.GetName().Name!, Friend: a.AssemblyName.Split(',')[0].Trim())))
            .ToList();
        grants.Count.ShouldBeGreaterThanOrEqualTo(modules.Count);
        grants.Where(g => moduleTests.Contains(g.Friend) && g.Friend != g.Module + ".Tests")
            .Select(g => $"{g.Module} → {g.Friend}").ShouldBeEmpty();
    }
}
