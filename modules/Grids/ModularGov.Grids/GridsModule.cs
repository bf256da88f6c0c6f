using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Http;
using ModularGov.Grids.Layout;
using ModularGov.Grids.Pages;
using ModularGov.SharedKernel.Web;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids;

/// <summary>Compounds and their merging, grids and their live state in grains, problems reported in them, and stations.</summary>
public sealed class GridsModule : IModule
{
    public string Name => "Grids";

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterType<GridDirectory>().AsSelf().SingleInstance();
        builder.RegisterType<GridMap>().AsSelf().As<Contracts.IGridLocator>().SingleInstance();
    }

    public IReadOnlyList<string> CheckStreet(IStreet street) => [.. LayoutCheck.Check(street), .. GeographyCheck.Check(street)];

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        StreetGridEndpoints.Map(api);
        ProblemEndpoints.Map(api);
        PlanEndpoints.Map(api);
        GeoEndpoints.Map(api);
    }

    public IReadOnlyList<MenuEntry> Menu => GridPages.Menu;

    public void MapPages(IEndpointRouteBuilder console) => GridPages.Map(console);
}
