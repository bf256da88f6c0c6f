using Microsoft.Extensions.Logging.Abstractions;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Infrastructure;
using Orleans;
using Orleans.Runtime;

namespace ModularGov.Host.Tests.Storage;

public sealed class LiteDbReminderTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_silo_reads_exactly_the_reminders_of_its_hash_range_through_the_index_on_the_hash()
    {
        using var store = new LiteDbStore(_folder.Path, NullLogger.Instance, fsyncOnCommit: false);
        var table = new LiteDbReminderTable(store);
        await table.StartAsync();
        var grains = Enumerable.Range(1, 200).Select(i => GrainId.Create("dispatchcase", $"dc2026-{i:D5}")).ToList();
        foreach (var grain in grains)
            await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "deadline", StartAt = DateTime.UtcNow.AddDays(3), Period = TimeSpan.FromDays(1) });
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        uint low = hashes[50], high = hashes[150];

        // (low, high], the wrapping range (high, low], and begin == end: the whole ring, as a single silo asks for it.
        foreach (var (begin, end) in new[] { (low, high), (high, low), (low, low), (0u, uint.MaxValue) })
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToList();
            var read = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order().ToList();
            read.ShouldBe(expected, $"range ({begin}, {end}]");
        }
        (await table.ReadRows(low, high)).Reminders.Count.ShouldBe(100);
        (await table.ReadRows(low, low)).Reminders.Count.ShouldBe(200);

        var indexed = store.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "reminders")).Select(i => i["name"].AsString).ToList();
        indexed.Contains("hash").ShouldBeTrue($"indexes on reminders: {string.Join(", ", indexed)}");
    }

    [Fact]
    public async Task A_grains_reminders_are_read_by_key_and_only_its_own_even_when_a_key_holds_a_slash()
    {
        using var store = new LiteDbStore(_folder.Path, NullLogger.Instance, fsyncOnCommit: false);
        var table = new LiteDbReminderTable(store);
        await table.StartAsync();
        var grain = GrainId.Create("dispatchcase", "dc2026-00001");
        var longer = GrainId.Create("dispatchcase", "dc2026-000010");
        var slashed = GrainId.Create("dispatchcase", "dc2026-00001/deadlines");
        foreach (var (id, name) in new[] { (grain, "deadlines"), (grain, "deliberation"), (longer, "deadlines"), (slashed, "x") })
            await table.UpsertRow(new ReminderEntry { GrainId = id, ReminderName = name, StartAt = DateTime.UtcNow.AddDays(3), Period = TimeSpan.FromDays(1) });

        (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order().ShouldBe(["deadlines", "deliberation"]);
        (await table.ReadRows(slashed)).Reminders.Select(r => r.ReminderName).ShouldBe(["x"]);
        (await table.ReadRows(GrainId.Create("dispatchcase", "dc2026-99999"))).Reminders.Count.ShouldBe(0);

        var indexed = store.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "reminders")).Select(i => i["name"].AsString).ToList();
        indexed.Contains("grain").ShouldBeFalse($"indexes on reminders: {string.Join(", ", indexed)}");
    }

    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    public void Dispose() => _folder.Dispose();
}
