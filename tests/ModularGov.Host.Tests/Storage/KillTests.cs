using System.Collections.Concurrent;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.Testing;

namespace ModularGov.Host.Tests.Storage;

/// <summary>
/// No acknowledged write is lost: problems are filed over HTTP while the host is killed with SIGKILL at random
/// moments, again and again; every problem whose POST was acknowledged is there afterwards, exactly once.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const int Cycles = 20;
    private const string Token = TestTokens.Kill;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_acknowledged_problem_survives_repeated_kill_9_exactly_once()
    {
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", $"--Auth:BootstrapToken={Token}", "--Logging:LogLevel:Default=Warning"];
        var acknowledged = new ConcurrentDictionary<string, string>();
        var random = new Random(20261125);
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await using var host = HostProcess.Start(_folder.Path, settings);
            await host.WaitUntilHealthyAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => KillRun.FileUntilKilledAsync(host.Address, Token, $"c{cycle:D2}w{w}", acknowledged, stop.Token)).ToList();
            await Task.Delay(random.Next(150, 900));
            await host.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        acknowledged.Count.ShouldBeGreaterThan(Cycles, "the test must have had writes acknowledged to mean anything");

        await using var survivor = HostProcess.Start(_folder.Path, settings);
        await survivor.WaitUntilHealthyAsync();
        var check = await KillRun.CheckAsync(survivor.Address, Token, acknowledged);
        check.Missing.ShouldBeEmpty();
        check.StoredTwice.ShouldBe(0, "no request was stored twice");
    }

    public void Dispose() => _folder.Dispose();
}
