using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.Open311.Http;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c>: our problem categories as services, and grid problems as service requests,
/// so a resident's app or a city platform files and follows the same problems the console shows.
/// </summary>
public sealed class Open311Module : IModule
{
    public string Name => "Open311";

    public void Register(ContainerBuilder builder, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public void MapOutsideApi(IEndpointRouteBuilder root) => Open311Endpoints.Map(root);
}
