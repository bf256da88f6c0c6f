using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.Duties.Burden;
using ModularGov.Duties.Certificates;
using ModularGov.Duties.Http;
using ModularGov.Duties.Pages;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties;

/// <summary>明责减负: duty lists that refuse work not on them, certificates, plaques, meetings, inspections and forms.</summary>
public sealed class DutiesModule : IModule
{
    public string Name => "Duties";

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterInstance(CertificateList.Shipped()).AsSelf().As<Contracts.ICertificateDesk>();
        builder.RegisterInstance(Indicators.Shipped());
    }

    public IReadOnlyList<string> CheckStreet(IStreet street) => DutyDataCheck.Check(street);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        DutyEndpoints.Map(api);
        BurdenEndpoints.Map(api);
    }

    public IReadOnlyList<MenuEntry> Menu => [.. DutyPages.Menu, .. CertificatePages.Menu, .. BurdenPages.Menu, .. PlaquePages.Menu];

    public void MapPages(IEndpointRouteBuilder console)
    {
        DutyPages.Map(console);
        CertificatePages.Map(console);
        BurdenPages.Map(console);
        PlaquePages.Map(console);
    }
}
