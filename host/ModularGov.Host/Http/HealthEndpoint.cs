using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Http;

/// <summary><c>/health</c> (open): 200 when the silo answers a grain call, 503 when it does not.</summary>
internal static class HealthEndpoint
{
    public sealed record Health(string Status, int Silos, int Streets);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (IGrainFactory grains, IStreetDirectory streets) =>
        {
            try
            {
                var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5));
                return TypedResults.Ok(new Health("ok", silos.Count, streets.All.Count));
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                return TypedResults.Json(new Health("unavailable", 0, streets.All.Count), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithTags("Health").AllowAnonymous();
}
