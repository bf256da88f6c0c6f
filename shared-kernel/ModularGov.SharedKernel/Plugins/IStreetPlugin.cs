using Autofac;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.SharedKernel.Plugins;

/// <summary>
/// 一镇(街)一策 — what one street office ships. A plugin assembly holds exactly one public class that
/// implements this interface and has a public parameterless constructor.
/// </summary>
public interface IStreetPlugin
{
    /// <summary>The street's profile and its communities or villages.</summary>
    StreetProfile Profile { get; }

    /// <summary>Its compounds, approved merge and grid plans, approved property tiers and stations.</summary>
    StreetLayout Layout { get; }

    /// <summary>Its duty list and post catalogue, its plaques, and its meeting/form/inspection burden before.</summary>
    Duties.StreetDuties Duties { get; }

    /// <summary>Its staffing, its roster (without identity or phone numbers), and the career moves and secondments it has had.</summary>
    Personnel.StreetPersonnel Personnel { get; }

    /// <summary>
    /// Registers the street's own services (its rules at the kernel's extension points, see
    /// <c>ModularGov.SharedKernel.Rules</c>) in the street's own container. Nothing registered here is visible to
    /// the core or to another street.
    /// </summary>
    void Register(ContainerBuilder builder)
    {
    }
}
