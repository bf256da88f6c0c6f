using LiteDB;
using Orleans.Runtime;

namespace ModularGov.Host.Storage;

/// <summary>
/// Orleans' reminder table on the district's LiteDB file, so deadline reminders survive a restart (the
/// in-memory reminder service forgets them). One document per (grain, reminder name), keyed
/// <c>grain/name</c> so a grain's reminders are a range of the primary key, with the grain's uniform hash
/// (indexed) for the silo's range queries and a version number as ETag. Every open case has a reminder, so
/// each index here is one more random insert per case: the hash is the only secondary one.
/// </summary>
internal sealed class LiteDbReminderTable(LiteDbStore store) : IReminderTable
{
    private readonly ILiteCollection<BsonDocument> _rows = store.Database.GetCollection("reminders");

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _rows.DropIndex("grain"); // kept by files written before a grain's reminders were read by key
        _rows.EnsureIndex("hash");
        return Task.CompletedTask;
    }

    /// <summary>The grain's rows: a range of the key, checked against the grain itself (a key may hold a '/' too).</summary>
    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var grain = grainId.ToString();
        return Task.FromResult(new ReminderTableData(
            _rows.Find(Query.StartsWith("_id", grain + "/")).Where(row => row["grain"].AsString == grain).Select(ToEntry).ToList()));
    }

    /// <summary>
    /// The rows whose grain hashes fall in the silo's range (begin, end], wrapping around when begin >= end: read through the
    /// index on the hash, so a silo reads its share of the reminders, not all of them each time its range is refreshed.
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var rows = begin < end
            ? _rows.Find(Query.And(Query.GT("hash", (long)begin), Query.LTE("hash", (long)end)))
            : _rows.Find(Query.GT("hash", (long)begin)).Concat(_rows.Find(Query.LTE("hash", (long)end)));
        return Task.FromResult(new ReminderTableData(rows.Select(ToEntry).ToList()));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(_rows.FindById(Key(grainId, reminderName)) is { } row ? ToEntry(row) : null);

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var key = Key(entry.GrainId, entry.ReminderName);
        long etag = 0;
        await store.WriteAsync(() =>
        {
            var stored = _rows.FindById(key);
            etag = (stored?["etag"].AsInt64 ?? 0) + 1;
            var row = new BsonDocument
            {
                ["_id"] = key,
                ["grain"] = entry.GrainId.ToString(),
                ["name"] = entry.ReminderName,
                ["hash"] = (long)entry.GrainId.GetUniformHashCode(),
                ["startAt"] = entry.StartAt.ToUniversalTime(),
                ["periodTicks"] = entry.Period.Ticks,
                ["etag"] = etag,
            };
            // Found or not, the key was just searched: an insert or an update searches it once more, an upsert twice.
            if (stored is null)
                _rows.Insert(row);
            else
                _rows.Update(row);
        });
        return etag.ToString();
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = Key(grainId, reminderName);
        var removed = false;
        await store.WriteAsync(() =>
        {
            var row = _rows.FindById(key);
            removed = row is not null && row["etag"].AsInt64.ToString() == eTag && _rows.Delete(key);
        });
        return removed;
    }

    public Task TestOnlyClearTable() => store.WriteAsync(() => _rows.DeleteAll());

    private static ReminderEntry ToEntry(BsonDocument row) => new()
    {
        GrainId = GrainId.Parse(row["grain"].AsString),
        ReminderName = row["name"].AsString,
        StartAt = row["startAt"].AsDateTime,
        Period = TimeSpan.FromTicks(row["periodTicks"].AsInt64),
        ETag = row["etag"].AsInt64.ToString(),
    };

    private static string Key(GrainId grainId, string reminderName) => $"{grainId}/{reminderName}";
}
