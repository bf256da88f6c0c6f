using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("shangzhan", "上站街道", "街道", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Shangzhan;

/// <summary>上站街道 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class ShangzhanStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(ShangzhanStreet).Assembly, "street.json");

    public StreetLayout Layout { get; } = EmbeddedStreetData.ReadLayout(typeof(ShangzhanStreet).Assembly);

    public StreetDuties Duties { get; } = EmbeddedStreetData.ReadDuties(typeof(ShangzhanStreet).Assembly);

    public StreetPersonnel Personnel { get; } = EmbeddedStreetData.ReadPersonnel(typeof(ShangzhanStreet).Assembly);
}
