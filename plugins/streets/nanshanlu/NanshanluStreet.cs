using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Layout;
using Autofac;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("nanshanlu", "南山路街道", "街道", "1.0.0", KernelContract.Version)]

namespace ModularGov.Streets.Nanshanlu;

/// <summary>南山路街道 — the street office's own plugin (一镇(街)一策).</summary>
public sealed class NanshanluStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = EmbeddedStreetData.Read<StreetProfile>(typeof(NanshanluStreet).Assembly, "street.json");

    public StreetLayout Layout { get; } = EmbeddedStreetData.ReadLayout(typeof(NanshanluStreet).Assembly);

    public StreetDuties Duties { get; } = EmbeddedStreetData.ReadDuties(typeof(NanshanluStreet).Assembly);

    public StreetPersonnel Personnel { get; } = EmbeddedStreetData.ReadPersonnel(typeof(NanshanluStreet).Assembly);

    /// <summary>"加减乘除": the common 300–500 households a grid, its own tier proposals, one meeting every two weeks, no accompanying duties.</summary>
    public void Register(ContainerBuilder builder)
    {
        builder.RegisterInstance(new GridRules(
            MinHouseholdsPerGrid: 300, MaxHouseholdsPerGrid: 500, MergeBelowHouseholds: 250, MaxMergedHouseholds: 1000, MaxMergeDistanceMetres: 400));
        builder.RegisterType<NanshanluTierRule>().As<ITierProposalRule>().SingleInstance();
        builder.RegisterInstance(new MeetingRule(MaxMeetings: 1, PerDays: 14));
        builder.RegisterType<NoAccompanyingRule>().As<IAdmissionRule>().SingleInstance();
    }
}
