using ModularGov.Duties.Contracts;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>duties check-certificate &lt;words&gt;</c> (the counter's check) and <c>duties compare &lt;street&gt; &lt;from&gt; &lt;to&gt;</c>
/// (two versions of a duty list) on a stopped host's data directory, printed as JSON.
/// </summary>
internal static class DutyCommands
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["check-certificate", var words, .. var rest]:
                return await OfflineQuery.PrintAsync(rest, output, (services, _, _) => Task.FromResult<(object?, string?)>((services.GetRequiredService<ICertificateDesk>().Check(words), null)));
            case ["compare", var street, var from, var to, .. var rest] when int.TryParse(from, out var a) && int.TryParse(to, out var b):
                return await OfflineQuery.PrintAsync(rest, output, async (services, _, _) =>
                    OfflineQuery.Answer(await services.GetRequiredService<IGrainFactory>().GetGrain<IDutyListGrain>(street).CompareAsync(a, b)));
            default:
                output.WriteLine("usage: duties check-certificate <the resident's words> | duties compare <street> <fromVersion> <toVersion>");
                return 2;
        }
    }
}
