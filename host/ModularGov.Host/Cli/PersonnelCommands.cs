using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>personnel staffing|promotions|secondments &lt;street&gt;</c> and <c>personnel graduates</c> on a stopped host's data directory,
/// printed as JSON: the figures an inspector checks, never a person's numbers.
/// </summary>
internal static class PersonnelCommands
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["staffing", var street, .. var rest] when !street.StartsWith('-'):
                return await OfflineQuery.PrintAsync(rest, output, (services, _, _) => OnStreetAsync(services, street, async grain => await grain.GetStaffingAsync()));
            case ["promotions", var street, .. var rest] when !street.StartsWith('-'):
                return await OfflineQuery.PrintAsync(rest, output, (services, _, _) =>
                    OnStreetAsync(services, street, async grain => Promotions.Of(await grain.GetMoveCountsAsync())));
            case ["secondments", var street, .. var rest] when !street.StartsWith('-'):
                return await OfflineQuery.PrintAsync(rest, output, (services, _, _) =>
                    OnStreetAsync(services, street, async grain => new StreetSecondments(await grain.GetSecondmentCountsAsync(), await grain.GetOpenSecondmentsAsync())));
            case ["graduates", .. var rest]:
                return await OfflineQuery.PrintAsync(rest, output, async (services, _, _) =>
                    ((object?)await GraduateCoverage.ReadAsync(services.GetRequiredService<IStreetDirectory>(), services.GetRequiredService<IGrainFactory>()), null));
            default:
                output.WriteLine("usage: personnel staffing <street> | personnel promotions <street> | personnel secondments <street> | personnel graduates");
                return 2;
        }
    }

    private static async Task<(object? Value, string? Error)> OnStreetAsync(IServiceProvider services, string street, Func<IPersonnelGrain, Task<object>> query) =>
        services.GetRequiredService<IStreetDirectory>().Find(street) is null
            ? (null, $"没有街道 {street} (no street '{street}' is served)")
            : (await query(services.GetRequiredService<IGrainFactory>().GetGrain<IPersonnelGrain>(street)), null);
}
