using Microsoft.Extensions.Logging.Abstractions;
using System.Net;
using System.Net.Http.Json;
using LiteDB;
using ModularGov.Host.Cli;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The <c>backup</c> and <c>restore</c> verbs, the endpoint's refusals, and what a restore does with the store it replaces.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.FromHours(8));
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_backup_verb_asks_a_running_host_or_copies_a_stopped_hosts_store_and_restore_waits_for_the_host_to_stop()
    {
        var dataDir = _folder.Sub("data");
        string online;
        await using (var district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" }, dataDir: dataDir))
        {
            var output = new StringWriter();
            (await BackupCommands.RunAsync(["backup", $"--Storage:DataDir={dataDir}"], output)).ShouldBe(1);
            output.ToString().ShouldContain("--token");

            output = new StringWriter();
            (await BackupCommands.RunAsync(["backup", $"--Storage:DataDir={dataDir}", "--url", district.Address.ToString(), "--token", InProcessDistrict.AdminToken], output))
                .ShouldBe(0, output.ToString());
            online = Directory.GetFiles(_folder.Sub("backups")).ShouldHaveSingleItem();
            output.ToString().ShouldContain(online);

            var issued = await district.Client().PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" });
            var street = district.Client((await issued.JsonAsync()).GetProperty("token").GetString());
            await (await street.PostAsync("/api/admin/backups", null)).ShouldBeProblemAsync(403);

            output = new StringWriter();
            (await BackupCommands.RunAsync(["restore", online, $"--Storage:DataDir={dataDir}"], output)).ShouldBe(1);
            output.ToString().ShouldContain("stop the host first");
        }

        var stopped = new StringWriter();
        (await BackupCommands.RunAsync(["backup", $"--Storage:DataDir={dataDir}", $"--Backup:Path={_folder.Sub("offline")}"], stopped)).ShouldBe(0, stopped.ToString());
        var offline = Directory.GetFiles(_folder.Sub("offline")).ShouldHaveSingleItem();
        var restored = new StringWriter();
        (await BackupCommands.RunAsync(["restore", offline, $"--Storage:DataDir={dataDir}"], restored)).ShouldBe(0, restored.ToString());
        restored.ToString().ShouldContain("the store it replaced");
        await using var again = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb", ["Auth:BootstrapToken"] = ModularGov.Testing.TestTokens.Other }, dataDir: dataDir);
        (await again.Client().GetAsync("/api/streets")).StatusCode.ShouldBe(HttpStatusCode.OK, "the restored store holds the admin token recorded before the backup");
    }

    [Fact]
    public async Task A_host_on_memory_storage_answers_a_backup_with_a_problem_and_the_verb_refuses()
    {
        await using var district = await InProcessDistrict.StartAsync();
        var problem = await (await district.Client().PostAsync("/api/admin/backups", null)).ShouldBeProblemAsync(409);
        problem.GetProperty("code").GetString().ShouldBe("backup-unavailable");
        var output = new StringWriter();
        (await BackupCommands.RunAsync(["backup", "--Storage:Provider=Memory"], output)).ShouldBe(1);
        output.ToString().ShouldContain("Redis");
        (await BackupCommands.RunAsync(["restore"], new StringWriter())).ShouldBe(2);
    }

    [Fact]
    public async Task A_restore_sets_the_replaced_store_aside_with_its_log_and_refuses_a_file_that_is_not_a_backup()
    {
        BackupTaken taken;
        using (var store = new LiteDbStore(Created("source"), NullLogger.Instance))
        {
            var rows = store.Database.GetCollection("grainstate");
            await store.WriteAsync(() => rows.Insert(new BsonDocument { ["_id"] = "kept" }));
            taken = await Backup.TakeAsync(store.CopyFilesAsync, _folder.Sub("backups"), Now);
            Path.GetFileName((await Backup.TakeAsync(store.CopyFilesAsync, _folder.Sub("backups"), Now)).File).ShouldBe("district-20261201-200000-2.db");
        }
        Path.GetFileName(taken.File).ShouldBe("district-20261201-200000.db");
        taken.Records.ShouldBe(new Dictionary<string, int> { ["grainstate"] = 1 });

        // A data directory whose store still has its last commit in the log only (copied while it was open).
        var target = Created("target");
        using (var old = new LiteDbStore(Created("old"), NullLogger.Instance))
        {
            var rows = old.Database.GetCollection("grainstate");
            await old.WriteAsync(() => rows.Insert(new BsonDocument { ["_id"] = "replaced" }));
            LiteDbStore.CopyFiles(_folder.Sub("old"), target);
        }
        File.Exists(Path.Combine(target, LiteDbStore.LogFileName)).ShouldBeTrue("the test needs a log beside the replaced store");

        var garbage = Path.Combine(_folder.Path, "notes.db");
        await File.WriteAllTextAsync(garbage, string.Concat(Enumerable.Repeat("不是数据库 not a database ", 2000)));
        Should.Throw<BackupRefusedException>(() => Backup.Restore(garbage, target, Now));
        File.Exists(Path.Combine(target, LiteDbStore.LogFileName)).ShouldBeTrue("a refused restore changes nothing");

        var restored = Backup.Restore(taken.File, target, Now);
        Directory.GetFiles(restored.Replaced!).Select(Path.GetFileName).Order().ShouldBe([LiteDbStore.LogFileName, LiteDbStore.FileName]);
        File.Exists(Path.Combine(target, LiteDbStore.LogFileName)).ShouldBeFalse();
        using var database = new LiteDatabase(Path.Combine(target, LiteDbStore.FileName));
        database.GetCollection("grainstate").FindAll().Select(d => d["_id"].AsString).ShouldBe(["kept"], "the old log is not replayed onto the backup");
    }

    private string Created(string name)
    {
        Directory.CreateDirectory(_folder.Sub(name));
        return _folder.Sub(name);
    }

    public void Dispose() => _folder.Dispose();
}
