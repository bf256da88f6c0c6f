using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("beidajie", "北大街街道", "街道", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Beidajie;

/// <summary>北大街街道 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class BeidajieStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(BeidajieStreet).Assembly, "street.json");

    public StreetLayout Layout { get; } = EmbeddedStreetData.ReadLayout(typeof(BeidajieStreet).Assembly);

    public StreetDuties Duties { get; } = EmbeddedStreetData.ReadDuties(typeof(BeidajieStreet).Assembly);

    public StreetPersonnel Personnel { get; } = EmbeddedStreetData.ReadPersonnel(typeof(BeidajieStreet).Assembly);
}
