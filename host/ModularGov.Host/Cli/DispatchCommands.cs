using ModularGov.Dispatch.Contracts;
using ModularGov.Host.Audit;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>dispatch ranking &lt;yyyy-MM&gt;</c>, <c>dispatch close-month &lt;yyyy-MM&gt;</c>, <c>dispatch sanctions [year]</c>
/// on a stopped host's data directory, printed as JSON. While the host runs, use the /api/dispatch endpoints.
/// </summary>
internal static class DispatchCommands
{
    private static readonly Actor CommandLine = new("command line", Role.DistrictAdmin.Name(), "district", "cli");

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var (verb, argument, rest) = args switch
        {
            ["ranking" or "close-month", var month, .. var more] => (args[0], month, more),
            ["sanctions", var year, .. var more] when int.TryParse(year, out _) => ("sanctions", year, more),
            ["sanctions", .. var more] => ("sanctions", null, more),
            _ => (null, null, Array.Empty<string>()),
        };
        if (verb is null)
        {
            output.WriteLine("usage: dispatch ranking <yyyy-MM> | dispatch close-month <yyyy-MM> | dispatch sanctions [year]");
            return 2;
        }
        return await OfflineQuery.PrintAsync(rest, output, async (services, configuration, settings) =>
        {
            var centre = services.GetRequiredService<IGrainFactory>().GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
            return verb switch
            {
                "ranking" => OfflineQuery.Answer(await centre.GetRankingAsync(argument!)),
                "close-month" => OfflineQuery.Answer(await CloseMonthAsync(centre, argument!, configuration, settings)),
                _ => ((object?)await centre.GetSanctionsAsync(argument is null ? null : int.Parse(argument)), (string?)null),
            };
        });
    }

    /// <summary>Closes the month and logs it: a month's sanctions are a change the audit administrator must see, whoever made them.</summary>
    private static async Task<Outcome<IReadOnlyList<Sanction>>> CloseMonthAsync(IDispatchCentreGrain centre, string month, IConfiguration configuration, HostSettings settings)
    {
        var closed = await centre.CloseMonthAsync(month, CommandLine);
        await OfflineAudit.RecordAsync(configuration, settings, "Dispatch", "dispatch close-month", $"month={TextRules.Cut(month, 32)}",
            closed.IsOk ? AuditOutcomes.Succeeded : AuditOutcomes.Rejected, closed.IsOk ? $"{closed.Value!.Count} sanction(s)" : closed.Reason ?? "");
        return closed;
    }
}
