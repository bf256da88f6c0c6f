using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("yijing", "义井镇", "镇", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Yijing;

/// <summary>义井镇 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class YijingStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(YijingStreet).Assembly, "street.json");
}
