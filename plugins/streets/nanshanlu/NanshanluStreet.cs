using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("nanshanlu", "南山路街道", "街道", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Nanshanlu;

/// <summary>南山路街道 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class NanshanluStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(NanshanluStreet).Assembly, "street.json");
}
