using System.Text.Encodings.Web;
using System.Text.Json;
using ModularGov.Host.Hosting;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Host.Cli;

/// <summary>
/// Runs a query on the stopped district (<see cref="OfflineSilo"/>) and prints its answer as JSON, or the refusal. A verb that changes
/// something writes its log entry through the configuration and settings it is handed (<see cref="Audit.OfflineAudit"/>).
/// </summary>
internal static class OfflineQuery
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>0 and the JSON, or 1 and "refused: …".</summary>
    public static async Task<int> PrintAsync(string[] settings, TextWriter output, Func<IServiceProvider, IConfiguration, HostSettings, Task<(object? Value, string? Error)>> query)
    {
        var configuration = DistrictConfiguration.Build(settings);
        var hostSettings = HostSettings.From(configuration);
        var (value, error) = await OfflineSilo.RunAsync(configuration, hostSettings, services => query(services, configuration, hostSettings));
        if (error is not null)
        {
            output.WriteLine($"refused: {error}");
            return 1;
        }
        output.WriteLine(JsonSerializer.Serialize(value, Json));
        return 0;
    }

    public static (object? Value, string? Error) Answer<T>(Outcome<T> outcome) => (outcome.Value, outcome.Reason);
}
