namespace ModularGov.Architecture.Tests;

/// <summary>A module's public face is its Contracts namespace (plus its one IModule class); other modules use only that.</summary>
public class ModuleBoundaryTests
{
    private static string ContractsOf(AssemblyFacts module) => module.Name + ".Contracts";

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
                .Where(t => t.IsPublic && t.Namespace != ContractsOf(module) && !t.Interfaces.Contains("IModule"))
                .Select(t => $"{t.Namespace}.{t.Name}")
                .ToList();
            publicOutsideContracts.ShouldBeEmpty(module.Name);
            types.Count(t => t.IsPublic && t.Interfaces.Contains("IModule")).ShouldBe(1, module.Name);
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
