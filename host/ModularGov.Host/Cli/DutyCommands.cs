using System.Text.Encodings.Web;
using System.Text.Json;
using ModularGov.Duties.Contracts;
using ModularGov.Host.Hosting;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>duties check-certificate &lt;words&gt;</c> (the counter's check) and <c>duties compare &lt;street&gt; &lt;from&gt; &lt;to&gt;</c>
/// (two versions of a duty list) on a stopped host's data directory, printed as JSON.
/// </summary>
internal static class DutyCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["check-certificate", var words, .. var rest]:
                return await PrintAsync(rest, output, services => Task.FromResult<(object?, string?)>((services.GetRequiredService<ICertificateDesk>().Check(words), null)));
            case ["compare", var street, var from, var to, .. var rest] when int.TryParse(from, out var a) && int.TryParse(to, out var b):
                return await PrintAsync(rest, output, async services =>
                {
                    var outcome = await services.GetRequiredService<IGrainFactory>().GetGrain<IDutyListGrain>(street).CompareAsync(a, b);
                    return (outcome.Value, outcome.Reason);
                });
            default:
                output.WriteLine("usage: duties check-certificate <the resident's words> | duties compare <street> <fromVersion> <toVersion>");
                return 2;
        }
    }

    private static async Task<int> PrintAsync(string[] rest, TextWriter output, Func<IServiceProvider, Task<(object? Value, string? Error)>> work)
    {
        var configuration = DistrictConfiguration.Build(rest);
        var (value, error) = await OfflineSilo.RunAsync(configuration, HostSettings.From(configuration), work);
        if (error is not null)
        {
            output.WriteLine($"refused: {error}");
            return 1;
        }
        output.WriteLine(JsonSerializer.Serialize(value, Json));
        return 0;
    }
}
