using LiteDB;
using Orleans.Runtime;
using Orleans.Storage;

namespace ModularGov.Host.Storage;

/// <summary>
/// Orleans grain storage on LiteDB: one document per grain state, with a version number as the ETag.
/// A write whose ETag is stale throws <see cref="InconsistentStateException"/> and changes nothing; a write
/// returns only after LiteDB has committed it and its log has been flushed to disk.
/// </summary>
internal sealed class LiteDbGrainStorage(LiteDbStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Collection = "grainstate";

    // Check-then-write must be atomic; LiteDB transactions are bound to a thread, so a plain lock around
    // synchronous calls is both simpler and safe (no await happens inside it).
    private readonly Lock _gate = new();
    private readonly ILiteCollection<BsonDocument> _states = store.Database.GetCollection(Collection);

    // This process is the file's only writer (the data-directory lock), so the ETags it has read or written are
    // the stored ones: a write need not read the whole stored document back to check its ETag.
    private readonly Dictionary<string, string?> _etags = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        BsonDocument? document;
        var key = Key(stateName, grainId);
        lock (_gate)
        {
            document = _states.FindById(key);
            _etags[key] = document?["etag"].AsString;
        }
        if (document is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
        grainState.State = serializer.Deserialize<T>(new BinaryData(document["data"].AsBinary));
        grainState.ETag = document["etag"].AsString;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var data = serializer.Serialize(grainState.State).ToArray();
        lock (_gate)
        {
            var stored = StoredETag(key);
            if (stored != grainState.ETag)
                throw new InconsistentStateException($"stale ETag for {key}", stored, grainState.ETag);
            var etag = NextETag(stored);
            _states.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["etag"] = etag,
                ["data"] = data,
                ["updated"] = DateTime.UtcNow,
            });
            _etags[key] = etag;
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
        // Outside the lock, so concurrent writers share one flush (group commit by the kernel).
        store.MakeDurable();
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        lock (_gate)
        {
            var stored = StoredETag(key);
            if (stored != grainState.ETag)
                throw new InconsistentStateException($"stale ETag for {key}", stored, grainState.ETag);
            _states.Delete(key);
            _etags[key] = null;
        }
        store.MakeDurable();
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string? StoredETag(string key) =>
        _etags.TryGetValue(key, out var known) ? known : _etags[key] = _states.FindById(key)?["etag"].AsString;

    private static string NextETag(string? stored) => ((stored is null ? 0 : long.Parse(stored)) + 1).ToString();

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
