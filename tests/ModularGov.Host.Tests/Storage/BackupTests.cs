using System.Collections.Concurrent;
using System.Net;
using ModularGov.Host.Cli;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.Testing;

namespace ModularGov.Host.Tests.Storage;

/// <summary>
/// A backup taken over HTTP from the real host while problems are being filed, restored with the <c>restore</c> verb into a new data
/// directory, and a host started on that: the file opens, every problem acknowledged before the backup was asked for is there exactly
/// once, and every grid counts exactly the problems it lists (no change half-written).
///
/// Why this fails without a consistent backup: a plain copy of <c>district.db</c> misses every commit still in LiteDB's log (LiteDB
/// folds the log into the file only every thousand pages), so recently acknowledged problems are missing. Copying <c>district.db</c> and
/// then <c>district-log.db</c> while writes go on can pair the file with a log that a checkpoint emptied in between (the commits it held
/// are in neither copy), catch a data file halfway through a checkpoint, or end the log inside a page being written (LiteDB then refuses
/// to open it). Only a copy taken while no write runs, as the commit thread takes it, holds exactly the commits up to a moment.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const string Token = TestTokens.Backup;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_backup_taken_while_problems_are_filed_restores_every_problem_acknowledged_before_it_and_nothing_half_written()
    {
        string[] settings = [$"--Plugins:Path={RepoPaths.BundledPlugins}", $"--Auth:BootstrapToken={Token}", "--Logging:LogLevel:Default=Warning"];
        string[] live = [.. settings, $"--Storage:DataDir={_folder.Sub("live")}"];
        var acknowledged = new ConcurrentDictionary<string, string>();
        Dictionary<string, string> beforeBackup;
        string backupFile;
        await using (var host = HostProcess.Start(_folder.Path, live))
        {
            await host.WaitUntilHealthyAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => KillRun.FileUntilKilledAsync(host.Address, Token, $"w{w}", acknowledged, stop.Token)).ToList();
            await UntilAsync(() => acknowledged.Count >= 100, "problems filed before the backup");

            beforeBackup = new Dictionary<string, string>(acknowledged);
            using var response = await KillRun.Client(host.Address, Token).PostAsync("/api/admin/backups", null);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var backup = await response.JsonAsync();
            var answeredAt = acknowledged.Count;
            await UntilAsync(() => acknowledged.Count >= answeredAt + 20, "problems filed after the backup");
            stop.Cancel();
            await Task.WhenAll(writers);

            backupFile = backup.GetProperty("file").GetString()!;
            Path.GetDirectoryName(backupFile).ShouldBe(_folder.Sub("backups"), "backups go beside the data directory by default");
            backup.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(backupFile).Length);
            backup.GetProperty("records").GetProperty("grainstate").GetInt32().ShouldBeGreaterThan(beforeBackup.Count);
            Directory.GetFileSystemEntries(_folder.Sub("backups")).ShouldBe([backupFile], "nothing half-made is left in the backup folder");
        }

        var restored = _folder.Sub("restored");
        var output = new StringWriter();
        (await BackupCommands.RunAsync(["restore", backupFile, $"--Storage:DataDir={restored}"], output)).ShouldBe(0, output.ToString());
        await using var copy = HostProcess.Start(_folder.Path, [.. settings, $"--Storage:DataDir={restored}"]);
        await copy.WaitUntilHealthyAsync();
        var check = await KillRun.CheckAsync(copy.Address, Token, beforeBackup);
        check.Missing.ShouldBeEmpty("every problem acknowledged before the backup began is in it");
        check.StoredTwice.ShouldBe(0);
        check.Miscounted.ShouldBeEmpty("no change is half-written in the backup");
        check.Stored.ShouldBeLessThan(acknowledged.Count, "the backup is of a moment: problems filed after it are not in it");
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"no {what} within a minute");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _folder.Dispose();
}
