using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.SharedKernel.Modules;

/// <summary>
/// A core module compiled into the host (Grids, PropertyTiers, Personnel, JointBuilding, Duties, Dispatch,
/// Funding). One sealed class per module, with a public parameterless constructor: it registers the
/// module's services and maps its HTTP endpoints. The host finds every implementation in the module
/// assemblies it ships with.
/// </summary>
public interface IModule
{
    /// <summary>The module's name as operators see it in the start-up log, e.g. Grids.</summary>
    string Name { get; }

    /// <summary>Registers the module's services; <paramref name="configuration"/> is the host's whole configuration.</summary>
    void Register(ContainerBuilder builder, IConfiguration configuration);

    /// <summary>
    /// Adds what the module registers the Microsoft way, before <see cref="Register"/>: above all its options, bound and
    /// checked when the host starts (<see cref="CheckedOptions.AddCheckedOptions{T}"/>), so a bad value refuses the start.
    /// </summary>
    void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Checks what a street plugin ships for this module (e.g. its merge and grid plans) while the plugin is
    /// loaded, before the host is built. Every problem names the record at fault; any problem rejects the street.
    /// </summary>
    IReadOnlyList<string> CheckStreet(IStreet street) => [];

    /// <summary>Maps the module's endpoints; <paramref name="api"/> is the authenticated <c>/api</c> group.</summary>
    void MapEndpoints(IEndpointRouteBuilder api);

    /// <summary>
    /// Maps endpoints outside <c>/api</c> whose paths, keys and errors follow a published specification (Open311 GeoReport v2);
    /// <paramref name="root"/> is the application itself, where authentication runs but nothing requires it, so each such
    /// group declares its own access once, in its own filter.
    /// </summary>
    void MapOutsideApi(IEndpointRouteBuilder root)
    {
    }

    /// <summary>The module's entries in the console's menu, each with the rule of who sees it.</summary>
    IReadOnlyList<MenuEntry> Menu => [];

    /// <summary>
    /// Maps the module's console pages; <paramref name="console"/> is the signed-in console group at <c>/</c>, whose endpoints
    /// declare access exactly as <c>/api</c>'s do (a place group and one rule each), and whose refusals are pages.
    /// </summary>
    void MapPages(IEndpointRouteBuilder console)
    {
    }
}
