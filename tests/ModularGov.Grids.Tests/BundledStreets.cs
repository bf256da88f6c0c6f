using Autofac;
using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Tests;

/// <summary>The bundled streets, loaded once by the host's own loader.</summary>
internal static class BundledStreets
{
    public static readonly PluginScan Scan = ModularGov.Testing.TestClusters.Streets;

    public static IStreet Get(string code) => Scan.Loaded.Single(s => s.Code == code);

    /// <summary>The same street with its layout changed, to see what the checks say about a broken plan.</summary>
    public static IStreet WithLayout(string code, Func<StreetLayout, StreetLayout> change) => new Altered(Get(code), change(Get(code).Layout));

    private sealed class Altered(IStreet street, StreetLayout layout) : IStreet
    {
        public string Code => street.Code;
        public string PluginVersion => street.PluginVersion;
        public StreetProfile Profile => street.Profile;
        public StreetLayout Layout => layout;
        public SharedKernel.Duties.StreetDuties Duties => street.Duties;
        public SharedKernel.Personnel.StreetPersonnel Personnel => street.Personnel;
        public ILifetimeScope Services => street.Services;
    }
}
