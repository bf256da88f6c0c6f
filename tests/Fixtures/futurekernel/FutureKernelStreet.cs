using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Plugins;
using ModularGov.SharedKernel.Streets;

[assembly: StreetPlugin("futurekernel", "未来街道", "街道", "9.0.0", 99)]

namespace ModularGov.Streets.FutureKernel;

/// <summary>Test fixture: a street built against a kernel contract this host does not offer.</summary>
public sealed class FutureKernelStreet : IStreetPlugin
{
    public StreetProfile Profile => throw new InvalidOperationException("the host must reject this plugin before running any of its code");

    public StreetLayout Layout => throw new InvalidOperationException("the host must reject this plugin before running any of its code");

    public ModularGov.SharedKernel.Duties.StreetDuties Duties => throw new InvalidOperationException("the host must reject this plugin before running any of its code");

    public ModularGov.SharedKernel.Personnel.StreetPersonnel Personnel => throw new InvalidOperationException("the host must reject this plugin before running any of its code");
}
