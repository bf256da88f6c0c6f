using LiteDB;
using Orleans.Runtime;

namespace ModularGov.Host.Storage;

/// <summary>
/// Orleans' reminder table on the district's LiteDB file, so deadline reminders survive a restart (the
/// in-memory reminder service forgets them). One document per (grain, reminder name), with the grain's
/// uniform hash for the silo's range queries and a version number as ETag.
/// </summary>
internal sealed class LiteDbReminderTable(LiteDbStore store) : IReminderTable
{
    private readonly ILiteCollection<BsonDocument> _rows = store.Database.GetCollection("reminders");

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _rows.EnsureIndex("grain");
        _rows.EnsureIndex("hash");
        return Task.CompletedTask;
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(_rows.Find(Query.EQ("grain", grainId.ToString())).Select(ToEntry)));

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
            etag = (_rows.FindById(key)?["etag"].AsInt64 ?? 0) + 1;
            _rows.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["grain"] = entry.GrainId.ToString(),
                ["name"] = entry.ReminderName,
                ["hash"] = (long)entry.GrainId.GetUniformHashCode(),
                ["startAt"] = entry.StartAt.ToUniversalTime(),
                ["periodTicks"] = entry.Period.Ticks,
                ["etag"] = etag,
            });
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
