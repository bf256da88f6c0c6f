using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Access;

/// <summary>API tokens: issued hashed, checked on every request, expiring, listed, revocable with all they issued; the first district-admin token.</summary>
public sealed class AccessModule : IModule
{
    public string Name => "Access";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddCheckedOptions<AuthOptions>(configuration, AuthOptions.Section);

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterType<TokenIssuer>().AsSelf().As<ITokenIssuer>().SingleInstance();
        builder.RegisterType<DistrictBootstrap>().As<IHostedService>().SingleInstance();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => TokenEndpoints.Map(api);
}
