using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Http;

/// <summary>
/// The Orleans dashboard's per-silo pages read a silo address from the path and answer 500 when it is not one
/// (their grain fails to activate); such a request gets a 404 problem here before it reaches them.
/// </summary>
internal static class DashboardSiloAddressCheck
{
    private static readonly HashSet<string> SiloPages = ["SiloProperties", "SiloMetadata", "SiloStats", "SiloCounters", "HistoricalStats"];

    public static void UseDashboardSiloAddressCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["dashboard", var page, var address] && SiloPages.Contains(page) && !IsSiloAddress(Uri.UnescapeDataString(address)))
        {
            await ApiProblems.NotFound("silo (Orleans 节点)", address).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsSiloAddress(string text)
    {
        try
        {
            SiloAddress.FromParsableString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
