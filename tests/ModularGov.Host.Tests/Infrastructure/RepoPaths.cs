namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>Where the built host, its bundled street plugins and the broken test plugins are.</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as (…/bin/&lt;cfg&gt;/net10.0/).</summary>
    public static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string HostOutput => Path.Combine(Root, "host", "ModularGov.Host", "bin", Configuration, "net10.0");

    public static string HostDll => Path.Combine(HostOutput, "ModularGov.Host.dll");

    public static string BundledPlugins => Path.Combine(HostOutput, "plugins", "streets");

    public static string Fixture(string folder) => Path.Combine(Root, "tests", "Fixtures", "bin", Configuration, folder);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModularGov.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ModularGov.sln not found above " + AppContext.BaseDirectory);
    }
}
