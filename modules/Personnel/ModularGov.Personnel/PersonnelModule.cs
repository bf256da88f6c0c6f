using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Personnel.Http;
using ModularGov.Personnel.Pages;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Personnel;

/// <summary>人员: staffing (编制), the roster and the career ladder, secondments, and graduates, with personal data protected.</summary>
public sealed class PersonnelModule : IModule
{
    public string Name => "Personnel";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddCheckedOptions<PersonnelOptions>(configuration, PersonnelOptions.Section);

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
    }

    public IReadOnlyList<string> CheckStreet(IStreet street) => PersonnelDataCheck.Check(street);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        PersonnelEndpoints.Map(api);
        PersonNumbersEndpoints.Map(api);
        DevelopmentEndpoints.Map(api);
        RosterImportEndpoints.Map(api);
    }

    public IReadOnlyList<MenuEntry> Menu => PersonnelPages.Menu;

    public void MapPages(IEndpointRouteBuilder console) => PersonnelPages.Map(console);
}
