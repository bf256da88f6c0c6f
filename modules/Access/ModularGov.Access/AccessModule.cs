using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModularGov.Access.Accounts;
using ModularGov.Access.Contracts;
using ModularGov.Access.Pages;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Access;

/// <summary>
/// API tokens (issued hashed, checked on every request, expiring, listed, revocable with all they issued; the first district-admin
/// token) and people's accounts (passwords, second factors, sessions, the three administrators of the first start).
/// </summary>
public sealed class AccessModule : IModule
{
    public string Name => "Access";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<AuthOptions>(configuration, AuthOptions.Section);
        services.AddCheckedOptions<AccountOptions>(configuration, AccountOptions.Section);
    }

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterType<TokenIssuer>().AsSelf().As<ITokenIssuer>().SingleInstance();
        builder.RegisterType<DistrictBootstrap>().As<IHostedService>().SingleInstance();
        builder.RegisterType<Sessions>().As<ISessions>().SingleInstance();
        builder.RegisterType<FirstStartAccounts>().As<IHostedService>().SingleInstance();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        TokenEndpoints.Map(api);
        SelfEndpoints.Map(api);
        AccountEndpoints.Map(api);
        SessionEndpoints.Map(api);
    }

    public IReadOnlyList<MenuEntry> Menu => [.. AccountPages.Menu, .. AdministrationPages.Menu];

    public void MapPages(IEndpointRouteBuilder console)
    {
        AccountPages.Map(console);
        AdministrationPages.Map(console);
    }
}
