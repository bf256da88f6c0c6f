using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using Autofac;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("yijing", "义井镇", "镇", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Yijing;

/// <summary>义井镇 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class YijingStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(YijingStreet).Assembly, "street.json");

    public StreetLayout Layout { get; } = EmbeddedStreetData.ReadLayout(typeof(YijingStreet).Assembly);

    public StreetDuties Duties { get; } = EmbeddedStreetData.ReadDuties(typeof(YijingStreet).Assembly);

    public StreetPersonnel Personnel { get; } = EmbeddedStreetData.ReadPersonnel(typeof(YijingStreet).Assembly);

    /// <summary>Villages are sparse: a grid may cover as few as 150 households, and clusters merge across longer distances.</summary>
    public void Register(ContainerBuilder builder) =>
        builder.RegisterInstance(new GridRules(
            MinHouseholdsPerGrid: 150, MaxHouseholdsPerGrid: 500, MergeBelowHouseholds: 100, MaxMergedHouseholds: 800, MaxMergeDistanceMetres: 800));
}
