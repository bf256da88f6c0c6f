using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Access;

/// <summary>API tokens: issued hashed, checked on every request, revocable; the first district-admin token.</summary>
public sealed class AccessModule : IModule
{
    public string Name => "Access";

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
        builder.RegisterInstance(configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions());
        builder.RegisterType<TokenIssuer>().AsSelf().As<ITokenIssuer>().SingleInstance();
        builder.RegisterType<DistrictBootstrap>().As<IHostedService>().SingleInstance();
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => TokenEndpoints.Map(api);
}
