using ModularGov.Access;
using ModularGov.Dispatch;
using ModularGov.Duties;
using ModularGov.Grids;
using ModularGov.Open311;
using ModularGov.Personnel;
using ModularGov.PropertyTiers;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Host.Hosting;

/// <summary>
/// The core modules compiled into this host, in the order they register. A module is core code: adding one
/// is a change here; adding a street never is.
/// </summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModule> Shipped() => [new AccessModule(), new PropertyTiersModule(), new GridsModule(), new DispatchModule(), new DutiesModule(), new PersonnelModule(), new Open311Module()];
}
