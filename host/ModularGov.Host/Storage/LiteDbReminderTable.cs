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
    private readonly Lock _gate = new();
    private readonly ILiteCollection<BsonDocument> _rows = store.Database.GetCollection("reminders");

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            _rows.EnsureIndex("hash");
        return Task.CompletedTask;
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        lock (_gate)
            return Task.FromResult(new ReminderTableData(_rows.Find(Query.EQ("grain", grainId.ToString())).Select(ToEntry)));
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // The range is (begin, end], wrapping around when begin >= end.
        lock (_gate)
        {
            var rows = _rows.FindAll().Select(ToEntry).Where(e =>
            {
                var hash = e.GrainId.GetUniformHashCode();
                return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
            });
            return Task.FromResult(new ReminderTableData(rows.ToList()));
        }
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_gate)
            return Task.FromResult(_rows.FindById(Key(grainId, reminderName)) is { } row ? ToEntry(row) : null);
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        string etag;
        lock (_gate)
        {
            var key = Key(entry.GrainId, entry.ReminderName);
            etag = ((_rows.FindById(key)?["etag"].AsInt64 ?? 0) + 1).ToString();
            _rows.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["grain"] = entry.GrainId.ToString(),
                ["name"] = entry.ReminderName,
                ["hash"] = (long)entry.GrainId.GetUniformHashCode(),
                ["startAt"] = entry.StartAt.ToUniversalTime(),
                ["periodTicks"] = entry.Period.Ticks,
                ["etag"] = long.Parse(etag),
            });
        }
        store.MakeDurable();
        return Task.FromResult<string?>(etag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_gate)
        {
            var key = Key(grainId, reminderName);
            var row = _rows.FindById(key);
            if (row is null || row["etag"].AsInt64.ToString() != eTag)
                return Task.FromResult(false);
            return Task.FromResult(_rows.Delete(key));
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_gate)
            _rows.DeleteAll();
        return Task.CompletedTask;
    }

    private static ReminderEntry ToEntry(BsonDocument row) => new()
    {
        GrainId = GrainId.Parse(row["grain"].AsString),
        ReminderName = row["name"].AsString,
        StartAt = DateTime.SpecifyKind(row["startAt"].AsDateTime, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(row["periodTicks"].AsInt64),
        ETag = row["etag"].AsInt64.ToString(),
    };

    private static string Key(GrainId grainId, string reminderName) => $"{grainId}/{reminderName}";
}
