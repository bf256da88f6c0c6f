using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.PropertyTiers.Pages;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.PropertyTiers;

/// <summary>物业分级: market / fallback (洁诚物业) / self-governed / not yet tiered, changed only by approved, recorded decisions.</summary>
public sealed class PropertyTiersModule : IModule
{
    public string Name => "PropertyTiers";

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
    }

    public IReadOnlyList<string> CheckStreet(IStreet street) => TierDecisionCheck.Check(street.Layout);

    public void MapEndpoints(IEndpointRouteBuilder api) => TierEndpoints.Map(api);

    public IReadOnlyList<MenuEntry> Menu => TierPages.Menu;

    public void MapPages(IEndpointRouteBuilder console) => TierPages.Map(console);
}
