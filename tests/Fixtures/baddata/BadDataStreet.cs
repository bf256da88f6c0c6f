using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("baddata", "错账街道", "镇", "0.1.0", KernelContract.Version)]

namespace ModularGov.Streets.BadData;

/// <summary>Test fixture: a town whose villages do not add up to its totals.</summary>
public sealed class BadDataStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = new("baddata", "错账街道", StreetKind.Town, 3m, 1000, 2500, 2,
        [
            new CommunityProfile("east", "东村", CommunityKind.Village, 400, 1000, true),
            new CommunityProfile("west", "西村", CommunityKind.Village, 500, 1500, true),
        ], true, "test fixture");

    public StreetLayout Layout => StreetLayout.Empty;

    public ModularGov.SharedKernel.Duties.StreetDuties Duties => ModularGov.SharedKernel.Duties.StreetDuties.Empty;

    public ModularGov.SharedKernel.Personnel.StreetPersonnel Personnel => ModularGov.SharedKernel.Personnel.StreetPersonnel.Empty;
}
