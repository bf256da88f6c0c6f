using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Http;

/// <summary><c>/health</c> (open): 200 when the silo answers a grain call, 503 when it does not.</summary>
internal static class HealthEndpoint
{
    /// <param name="CalendarUntil">The last day deadlines can be counted to (see <c>Calendar:Path</c>).</param>
    public sealed record Health(string Status, int Silos, int Streets, DateOnly CalendarUntil);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (IGrainFactory grains, IStreetDirectory streets, WorkingCalendar calendar) =>
        {
            try
            {
                var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5));
                return TypedResults.Ok(new Health("ok", silos.Count, streets.All.Count, calendar.LastDay));
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                return TypedResults.Json(new Health("unavailable", 0, streets.All.Count, calendar.LastDay), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithTags("Health").AllowAnonymous();
}
