using System.Collections.Concurrent;
using System.Reflection;
using Autofac;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Plugins;

/// <summary>
/// Loads every street plugin folder under the plugin root: manifest first (from metadata), then the
/// assembly in its own load context, then the plugin's profile, layout and its own container, and last the
/// core modules' checks of what it ships. A folder that fails any step is rejected with one reason; the
/// others load regardless.
/// </summary>
internal static class StreetPluginLoader
{
    public const string AssemblyPattern = "ModularGov.Streets.*.dll";

    // A plugin file is loaded once per process, however many hosts (tests) load it, so its types have one identity.
    private static readonly ConcurrentDictionary<string, Assembly> LoadedAssemblies = new(StringComparer.Ordinal);

    public static PluginScan LoadAll(string pluginRoot, IReadOnlyList<IModule> modules)
    {
        var loaded = new List<LoadedStreet>();
        var rejected = new List<PluginRejection>();
        if (!Directory.Exists(pluginRoot))
            return new PluginScan(pluginRoot, loaded, [new PluginRejection(pluginRoot, "the plugin folder does not exist")]);

        foreach (var folder in Directory.GetDirectories(pluginRoot).Order(StringComparer.Ordinal))
        {
            var result = LoadOne(folder, loaded, modules);
            if (result.Street is not null)
                loaded.Add(result.Street);
            else
                rejected.Add(new PluginRejection(folder, result.Error!));
        }
        return new PluginScan(pluginRoot, loaded, rejected);
    }

    /// <summary>Loads one street folder; <paramref name="alreadyLoaded"/> guards against duplicate street codes.</summary>
    public static (LoadedStreet? Street, string? Error) LoadOne(string folder, IReadOnlyCollection<LoadedStreet> alreadyLoaded, IReadOnlyList<IModule> modules)
    {
        var candidates = Directory.Exists(folder) ? Directory.GetFiles(folder, AssemblyPattern) : [];
        if (candidates.Length == 0)
            return (null, $"not a street plugin: the folder holds no {AssemblyPattern}");
        if (candidates.Length > 1)
            return (null, $"ambiguous: the folder holds {candidates.Length} {AssemblyPattern} files");
        var dll = Path.GetFullPath(candidates[0]);

        var (manifest, manifestError) = ManifestReader.Read(dll);
        if (manifest is null)
            return (null, $"not a street plugin: {Path.GetFileName(dll)}: {manifestError}");
        var manifestProblem = CheckManifest(manifest, alreadyLoaded);
        if (manifestProblem is not null)
            return (null, manifestProblem);

        try
        {
            var assembly = LoadedAssemblies.GetOrAdd(dll, path => new StreetLoadContext(path).LoadFromAssemblyPath(path));
            var plugin = CreatePlugin(assembly);
            var profile = plugin.Profile;
            var profileProblems = CheckProfile(manifest, profile);
            if (profileProblems.Count > 0)
                return (null, "its data is inconsistent: " + string.Join("; ", profileProblems));

            var layout = plugin.Layout;
            var duties = plugin.Duties;
            var personnel = plugin.Personnel;

            var builder = new ContainerBuilder();
            builder.RegisterInstance(profile);
            builder.RegisterInstance(layout);
            builder.RegisterInstance(duties);
            builder.RegisterInstance(personnel);
            plugin.Register(builder);
            var street = new LoadedStreet(folder, manifest, assembly, profile, layout, duties, personnel, builder.Build());
            var moduleProblems = modules.SelectMany(m => m.CheckStreet(street).Select(p => $"{m.Name}: {p}")).ToList();
            if (moduleProblems.Count == 0)
                return (street, null);
            street.Services.Dispose();
            return (null, "its layout is invalid: " + string.Join("; ", moduleProblems));
        }
        catch (PluginFault fault)
        {
            return (null, fault.Message);
        }
        catch (Exception e)
        {
            return (null, Describe(e));
        }
    }

    private static string? CheckManifest(PluginManifest manifest, IReadOnlyCollection<LoadedStreet> alreadyLoaded)
    {
        if (manifest.KernelContract != KernelContract.Version)
            return $"built against kernel contract v{manifest.KernelContract}, this host offers v{KernelContract.Version}: rebuild the plugin against this kernel";
        if (!StreetProfileRules.CodePattern().IsMatch(manifest.Code))
            return $"manifest street code '{manifest.Code}' is not 2–32 lower-case ASCII letters or digits";
        if (StreetKindNames.FromChinese(manifest.Kind) is null)
            return $"manifest kind '{manifest.Kind}' is neither 街道 nor 镇";
        if (string.IsNullOrWhiteSpace(manifest.Name) || string.IsNullOrWhiteSpace(manifest.Version))
            return "manifest name or version is empty";
        var twin = alreadyLoaded.FirstOrDefault(s => s.Code == manifest.Code);
        return twin is null
            ? null
            : $"duplicate street code '{manifest.Code}': already served from folder '{Path.GetFileName(twin.Folder)}'";
    }

    private static List<string> CheckProfile(PluginManifest manifest, StreetProfile profile)
    {
        var problems = StreetProfileRules.Check(profile).ToList();
        if (profile.Code != manifest.Code)
            problems.Add($"profile code '{profile.Code}' differs from the manifest's '{manifest.Code}'");
        if (profile.Name != manifest.Name)
            problems.Add($"profile name '{profile.Name}' differs from the manifest's '{manifest.Name}'");
        if (profile.Kind.ToChinese() != manifest.Kind)
            problems.Add($"profile kind '{profile.Kind.ToChinese()}' differs from the manifest's '{manifest.Kind}'");
        return problems;
    }

    private static IStreetPlugin CreatePlugin(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or ReflectionTypeLoadException)
        {
            throw new PluginFault($"a dependency is missing: {Describe(e)}");
        }
        var pluginTypes = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStreetPlugin).IsAssignableFrom(t)).ToList();
        if (pluginTypes.Count != 1)
            throw new PluginFault($"expected exactly one public IStreetPlugin class, found {pluginTypes.Count}");
        if (pluginTypes[0].GetConstructor(Type.EmptyTypes) is null)
            throw new PluginFault($"{pluginTypes[0].FullName} has no public parameterless constructor");
        return (IStreetPlugin)Activator.CreateInstance(pluginTypes[0])!;
    }

    /// <summary>The innermost exception is the one that names the real cause (Autofac and reflection wrap theirs).</summary>
    private static string Describe(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e switch
        {
            FileNotFoundException missing => $"a dependency is missing: {missing.FileName ?? missing.Message}",
            _ => $"the plugin threw {e.GetType().Name}: {e.Message}",
        };
    }

    private sealed class PluginFault(string message) : Exception(message);
}
