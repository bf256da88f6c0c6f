using System.Text.Encodings.Web;
using System.Text.Json;
using ModularGov.Dispatch.Contracts;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>dispatch ranking &lt;yyyy-MM&gt;</c>, <c>dispatch close-month &lt;yyyy-MM&gt;</c>, <c>dispatch sanctions [year]</c>
/// on a stopped host's data directory, printed as JSON. While the host runs, use the /api/dispatch endpoints.
/// </summary>
internal static class DispatchCommands
{
    private static readonly Actor CommandLine = new("command line", Role.DistrictAdmin.Name(), "district", "cli");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        var configuration = DistrictConfiguration.Build(rest);
        var settings = HostSettings.From(configuration);
        var (value, error) = await OfflineSilo.RunAsync(configuration, settings, async services =>
        {
            var centre = services.GetRequiredService<IGrainFactory>().GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
            return verb switch
            {
                "ranking" => Unwrap(await centre.GetRankingAsync(argument!)),
                "close-month" => Unwrap(await centre.CloseMonthAsync(argument!, CommandLine)),
                _ => ((object?)await centre.GetSanctionsAsync(argument is null ? null : int.Parse(argument)), (string?)null),
            };
        });
        if (error is not null)
        {
            output.WriteLine($"refused: {error}");
            return 1;
        }
        output.WriteLine(JsonSerializer.Serialize(value, Json));
        return 0;
    }

    private static (object? Value, string? Error) Unwrap<T>(SharedKernel.Results.Outcome<T> outcome) => (outcome.Value, outcome.Reason);
}
