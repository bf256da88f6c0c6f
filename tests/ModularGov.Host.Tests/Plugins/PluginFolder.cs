using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Plugins;

/// <summary>
/// A plugin root made by the test: the four bundled streets plus every kind of broken plugin folder, each
/// built (tests/Fixtures) or written here.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    private readonly TempFolder _temp = new();

    public PluginFolder(bool withBroken = true)
    {
        Root = _temp.Sub("streets");
        foreach (var street in Directory.GetDirectories(RepoPaths.BundledPlugins))
            TempFolder.CopyDirectory(street, Path.Combine(Root, Path.GetFileName(street)));
        if (!withBroken)
            return;
        TempFolder.CopyDirectory(RepoPaths.Fixture("throwing"), Path.Combine(Root, "throwing"));
        TempFolder.CopyDirectory(RepoPaths.Fixture("futurekernel"), Path.Combine(Root, "futurekernel"));
        TempFolder.CopyDirectory(RepoPaths.Fixture("baddata"), Path.Combine(Root, "baddata"));
        TempFolder.CopyDirectory(Path.Combine(RepoPaths.BundledPlugins, "nanshanlu"), Path.Combine(Root, "nanshanlu2"));
        Directory.CreateDirectory(Path.Combine(Root, "garbage"));
        File.WriteAllBytes(Path.Combine(Root, "garbage", "ModularGov.Streets.Garbage.dll"), "MZ this is not an assembly"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(Root, "nomanifest"));
        File.Copy(typeof(SharedKernel.Streets.StreetProfile).Assembly.Location, Path.Combine(Root, "nomanifest", "ModularGov.Streets.NoManifest.dll"));
        Directory.CreateDirectory(Path.Combine(Root, "empty"));
        File.WriteAllText(Path.Combine(Root, "empty", "README.txt"), "a folder without a plugin");
    }

    public string Root { get; }

    public static readonly string[] BrokenFolders = ["baddata", "empty", "futurekernel", "garbage", "nanshanlu2", "nomanifest", "throwing"];

    public void Dispose() => _temp.Dispose();
}
