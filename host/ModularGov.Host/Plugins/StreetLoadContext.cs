using System.Reflection;
using System.Runtime.Loader;

namespace ModularGov.Host.Plugins;

/// <summary>
/// One load context per street. Any assembly the host itself can load (the kernel, Orleans, Autofac, the
/// framework) comes from the host, so the street and the host share those types; only what the street
/// ships alone is loaded from its folder.
/// </summary>
internal sealed class StreetLoadContext(string pluginPath) : AssemblyLoadContext($"street:{Path.GetFileName(Path.GetDirectoryName(pluginPath))}")
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (HostCanLoad(name))
            return null;
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static bool HostCanLoad(AssemblyName name)
    {
        try
        {
            Default.LoadFromAssemblyName(name);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
