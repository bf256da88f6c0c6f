using System.Reflection;
using System.Runtime.CompilerServices;

namespace ModularGov.Architecture.Tests;

/// <summary>
/// The module assemblies, the host and the kernel, loaded for the conventions that need members, constructors, assembly attributes
/// and inherited interfaces (the metadata facts of <see cref="Assemblies"/> describe types only).
/// </summary>
internal static class Loaded
{
    public static IReadOnlyList<Assembly> Modules { get; } = Assemblies.Modules.Select(m => Assembly.LoadFrom(m.Path)).ToList();

    public static Assembly Host { get; } = Assembly.LoadFrom(Assemblies.Host.Path);

    public static Assembly Kernel { get; } = Assembly.LoadFrom(Assemblies.Kernel.Path);

    /// <summary>The types the assemblies declare in their source: not Orleans' generated code, nor the compiler's.</summary>
    public static List<Type> Types(IEnumerable<Assembly> assemblies) => assemblies
        .SelectMany(a => a.GetTypes())
        .Where(t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) != true)
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
        .ToList();
}
