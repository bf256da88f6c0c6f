namespace ModularGov.Architecture.Tests;

/// <summary>
/// A module's public face is its Contracts namespace (plus its one IModule class); other modules use only that. Its console pages
/// are public too, because Razor makes every component public: they live in its Pages namespace, with the read shapes they take
/// (shared with its API) in its Views namespace, and nothing outside the module references either.
/// </summary>
public class ModuleBoundaryTests
{
    private static string ContractsOf(AssemblyFacts module) => module.Name + ".Contracts";

    /// <summary>A Razor component of the module's Pages namespace (or the _Imports class Razor compiles beside them).</summary>
    private static bool IsPage(AssemblyFacts module, TypeFact type) =>
        type.Namespace == module.Name + ".Pages" && (type.BaseType.EndsWith("ComponentBase", StringComparison.Ordinal) || type.Name == "_Imports");

    private static bool IsView(AssemblyFacts module, TypeFact type) => type.Namespace == module.Name + ".Views";

    private static bool IsGenerated(TypeFact type) => type.Namespace.StartsWith("OrleansCodeGen", StringComparison.Ordinal);

    [Fact]
    public void A_module_makes_public_only_its_contracts_and_its_module_class()
    {
        var modules = Assemblies.Modules;
        modules.ShouldNotBeEmpty();
        foreach (var module in modules)
        {
            var types = module.Types.Where(t => !IsGenerated(t)).ToList();
            types.ShouldNotBeEmpty(module.Name);
            var publicOutsideContracts = types
                .Where(t => t.IsPublic && t.Namespace != ContractsOf(module) && !t.Interfaces.Contains("IModule") && !IsPage(module, t) && !IsView(module, t))
                .Select(t => $"{t.Namespace}.{t.Name}")
                .ToList();
            publicOutsideContracts.ShouldBeEmpty(module.Name);
            types.Count(t => t.IsPublic && t.Interfaces.Contains("IModule")).ShouldBe(1, module.Name);
        }
    }

    /// <summary>The host finds each module's pages through IModule; it names none of them, so a module adds a page touching nothing else.</summary>
    [Fact]
    public void No_other_assembly_references_a_modules_pages_or_views()
    {
        var modules = Assemblies.Modules;
        var hidden = modules.SelectMany(m => new[] { m.Name + ".Pages", m.Name + ".Views" }).ToHashSet();
        var pages = modules.Sum(m => m.Types.Count(t => IsPage(m, t)));
        pages.ShouldBeGreaterThan(3, "the modules ship console pages");
        foreach (var assembly in modules.Append(Assemblies.Host).Append(Assemblies.Kernel))
        {
            var into = assembly.TypeReferences.Where(r => hidden.Contains(r.Namespace) && r.Assembly != assembly.Name)
                .Select(r => $"{assembly.Name} → {r.Assembly}: {r.Namespace}.{r.Name}").ToList();
            into.ShouldBeEmpty(assembly.Name);
        }
    }

    [Fact]
    public void A_module_uses_another_module_only_through_its_contracts()
    {
        var modules = Assemblies.Modules;
        modules.ShouldNotBeEmpty();
        var byName = modules.ToDictionary(m => m.Name);
        var inspected = 0;
        foreach (var module in modules)
        {
            inspected += module.TypeReferences.Count;
            var intoOtherModules = module.TypeReferences.Where(r => byName.ContainsKey(r.Assembly) && r.Assembly != module.Name);
            intoOtherModules.Where(r => r.Namespace != ContractsOf(byName[r.Assembly])).Select(r => $"{r.Assembly}: {r.Namespace}.{r.Name}")
                .ShouldBeEmpty(module.Name);
        }
        inspected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_host_uses_modules_only_through_their_contracts_and_module_classes()
    {
        var modules = Assemblies.Modules.ToDictionary(m => m.Name);
        var host = Assemblies.Host;
        var intoModules = host.TypeReferences.Where(r => modules.ContainsKey(r.Assembly)).ToList();
        intoModules.ShouldNotBeEmpty();
        var moduleClasses = modules.Values.SelectMany(m => m.Types.Where(t => t.Interfaces.Contains("IModule")).Select(t => t.Name)).ToHashSet();
        intoModules.Where(r => r.Namespace != ContractsOf(modules[r.Assembly]) && !moduleClasses.Contains(r.Name))
            .Select(r => $"{r.Namespace}.{r.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void The_module_graph_has_no_cycles()
    {
        var modules = Assemblies.Modules;
        modules.ShouldNotBeEmpty();
        var edges = modules.ToDictionary(m => m.Name, m => m.References.Where(r => modules.Any(o => o.Name == r)).ToList());
        var done = new HashSet<string>();
        foreach (var start in edges.Keys)
            Visit(start, []);

        void Visit(string node, List<string> path)
        {
            path.Contains(node).ShouldBeFalse($"cycle: {string.Join(" → ", path.Append(node))}");
            if (!done.Add(node))
                return;
            foreach (var next in edges[node])
                Visit(next, [.. path, node]);
        }
    }
}
