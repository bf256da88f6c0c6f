using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ModularGov.Host.Audit;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Http;

/// <summary>
/// <c>/health</c> (open): 200 when the silo answers a grain call and the store takes writes; 503 when the silo does
/// not answer (<c>unavailable</c>), or the store or the operation log stopped taking writes after a failed flush
/// (<c>storage-failed</c>, <c>audit-failed</c>, with why).
/// </summary>
internal static class HealthEndpoint
{
    /// <param name="CalendarUntil">The last day deadlines can be counted to (see <c>Calendar:Path</c>).</param>
    /// <param name="StorageFailure">Why the store refuses writes; absent while it takes them.</param>
    public sealed record Health(
        string Status, int Silos, int Streets, DateOnly CalendarUntil,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StorageFailure = null);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (
            IGrainFactory grains, IStreetDirectory streets, WorkingCalendar calendar, AuditTrail audit, [FromServices] LiteDbStore? store) =>
        {
            int silos;
            try
            {
                silos = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5))).Count;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                return TypedResults.Json(new Health("unavailable", 0, streets.All.Count, calendar.LastDay), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (store?.WritesStopped is { } stopped)
                return TypedResults.Json(new Health("storage-failed", silos, streets.All.Count, calendar.LastDay, stopped.Message),
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            if (audit.Stopped is { } auditStopped)
                return TypedResults.Json(new Health("audit-failed", silos, streets.All.Count, calendar.LastDay, auditStopped.Message),
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            return TypedResults.Ok(new Health("ok", silos, streets.All.Count, calendar.LastDay));
        }).WithTags("Health").AllowAnonymous();
}
