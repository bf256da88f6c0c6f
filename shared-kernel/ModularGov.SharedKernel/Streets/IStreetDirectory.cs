using Autofac;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.SharedKernel.Streets;

/// <summary>A street the host has loaded: its manifest data, profile, and the container of its own rules.</summary>
public interface IStreet
{
    string Code { get; }
    string PluginVersion { get; }
    StreetProfile Profile { get; }
    StreetLayout Layout { get; }
    Duties.StreetDuties Duties { get; }
    Personnel.StreetPersonnel Personnel { get; }

    /// <summary>The street's own services, registered by its plugin; rules are resolved from here.</summary>
    ILifetimeScope Services { get; }
}

/// <summary>The streets loaded at start-up (no hot loading: a new street arrives with a restart).</summary>
public interface IStreetDirectory
{
    IReadOnlyList<IStreet> All { get; }

    IStreet? Find(string code);
}
