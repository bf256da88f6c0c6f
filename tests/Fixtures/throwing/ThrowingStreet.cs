using Autofac;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("throwing", "抛错街道", "街道", "0.1.0", KernelContract.Version)]

namespace ModularGov.Streets.Throwing;

/// <summary>Test fixture: a valid street whose registration throws.</summary>
public sealed class ThrowingStreet : IStreetPlugin
{
    public StreetProfile Profile { get; } = new("throwing", "抛错街道", StreetKind.Subdistrict, 1m, 10, 20, 0,
        [new CommunityProfile("one", "一社区", CommunityKind.Community, 10, 20, true)], true, "test fixture");

    public StreetLayout Layout => StreetLayout.Empty;

    public ModularGov.SharedKernel.Duties.StreetDuties Duties => ModularGov.SharedKernel.Duties.StreetDuties.Empty;

    public ModularGov.SharedKernel.Personnel.StreetPersonnel Personnel => ModularGov.SharedKernel.Personnel.StreetPersonnel.Empty;

    public void Register(ContainerBuilder builder) =>
        throw new InvalidOperationException("报事路由规则缺少配置 (routing rule not configured)");
}
