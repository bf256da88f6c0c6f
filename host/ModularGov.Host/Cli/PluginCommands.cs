using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>plugins list</c>: what the host would load from its plugin folder, and why not.
/// <c>plugins validate &lt;folder&gt;</c>: every check the host makes, on one street folder.
/// Neither starts the silo or touches the data directory.
/// </summary>
internal static class PluginCommands
{
    public static int Run(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["list", .. var rest]:
                var settings = HostSettings.From(DistrictConfiguration.Build(rest));
                var scan = StreetPluginLoader.LoadAll(settings.Plugins.Path, ModuleCatalog.Shipped());
                output.WriteLine($"插件目录 (plugin folder): {scan.PluginRoot}");
                foreach (var street in scan.Loaded)
                    output.WriteLine($"  OK        {Path.GetFileName(street.Folder),-16} {Describe(street)}");
                foreach (var rejection in scan.Rejected)
                    output.WriteLine($"  REJECTED  {Path.GetFileName(rejection.Folder),-16} {rejection.Reason}");
                output.WriteLine($"{scan.Loaded.Count} would load, {scan.Rejected.Count} rejected");
                return scan.Rejected.Count == 0 ? 0 : 1;

            case ["validate", var folder]:
                var (loaded, error) = StreetPluginLoader.LoadOne(Path.GetFullPath(folder), [], ModuleCatalog.Shipped());
                if (loaded is null)
                {
                    output.WriteLine($"REJECTED {folder}: {error}");
                    return 1;
                }
                output.WriteLine($"OK {folder}: {Describe(loaded)}");
                return 0;

            default:
                output.WriteLine("usage: plugins list | plugins validate <folder>");
                return 2;
        }
    }

    private static string Describe(LoadedStreet street)
    {
        var p = street.Profile;
        return $"{p.Code} {p.Name} ({street.Manifest.Kind}) v{street.PluginVersion}, kernel contract v{street.Manifest.KernelContract}: "
            + $"{p.Communities.Count} communities, {p.Households} households, {p.Residents} residents, {p.ResidentUnits} resident units"
            + (p.Sample ? " [sample data]" : "");
    }
}
