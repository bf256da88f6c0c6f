using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Centre;
using ModularGov.Dispatch.Http;
using ModularGov.Dispatch.Pages;
using ModularGov.Dispatch.Views;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch;

/// <summary>The joint dispatch centre (市区联合调度中心): 接、判、办、评、用 with working-day deadlines, rankings and sanctions.</summary>
public sealed class DispatchModule : IModule
{
    public string Name => "Dispatch";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddCheckedOptions<DispatchOptions>(configuration, DispatchOptions.Section);

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterInstance(Units.Shipped());
        builder.RegisterType<IntakeRules>().AsSelf().SingleInstance();
        builder.RegisterType<EscalationToCase>().As<IEscalationListener>().SingleInstance();
        builder.RegisterType<ProvisionalDeadlines>().As<IHostedService>().SingleInstance();
        builder.Register(c => new DispatchNames(c.Resolve<Units>().All.ToDictionary(u => u.Id, u => u.Name),
            c.Resolve<IStreetDirectory>().All.ToDictionary(s => s.Code, s => s.Profile.Name))).SingleInstance();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        CaseEndpoints.Map(api);
        CentreEndpoints.Map(api);
    }

    public IReadOnlyList<MenuEntry> Menu => DispatchPages.Menu;

    public void MapPages(IEndpointRouteBuilder console) => DispatchPages.Map(console);
}
