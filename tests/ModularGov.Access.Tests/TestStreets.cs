using Autofac;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access.Tests;

/// <summary>A street directory holding two small streets, for the issuing rules.</summary>
internal sealed class TestStreets : IStreetDirectory
{
    private sealed record Street(StreetProfile Profile) : IStreet
    {
        public string Code => Profile.Code;
        public string PluginVersion => "test";
        public StreetLayout Layout => StreetLayout.Empty;
        public SharedKernel.Duties.StreetDuties Duties => SharedKernel.Duties.StreetDuties.Empty;
        public SharedKernel.Personnel.StreetPersonnel Personnel => SharedKernel.Personnel.StreetPersonnel.Empty;
        public ILifetimeScope Services => throw new NotSupportedException();
    }

    public IReadOnlyList<IStreet> All { get; } =
    [
        new Street(new StreetProfile("nanshanlu", "南山路街道", StreetKind.Subdistrict, 7.22m, 300, 600, 1,
            [new CommunityProfile("xinhuaxijie", "新华西街社区", CommunityKind.Community, 300, 600, true)], true, "test")),
        new Street(new StreetProfile("shangzhan", "上站街道", StreetKind.Subdistrict, 5m, 200, 400, 1,
            [new CommunityProfile("xiaoyangquannan", "小阳泉南社区", CommunityKind.Community, 200, 400, true)], true, "test")),
    ];

    public IStreet? Find(string code) => All.FirstOrDefault(s => s.Code == code);
}
