using System.Collections.Concurrent;
using LiteDB;
using Orleans.Runtime;
using Orleans.Storage;

namespace ModularGov.Host.Storage;

/// <summary>
/// Orleans grain storage on LiteDB: one document per grain state, with a version number as the ETag.
/// A write whose ETag is stale throws <see cref="InconsistentStateException"/> and changes nothing; a write
/// returns only after its group commit is in LiteDB's log and the log is flushed to disk.
/// </summary>
internal sealed class LiteDbGrainStorage(LiteDbStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Collection = "grainstate";

    private readonly ILiteCollection<BsonDocument> _states = store.Database.GetCollection(Collection);

    // This process is the file's only writer (the data-directory lock), so the ETags it has read or committed are
    // the stored ones: a write need not read the stored document back to check its ETag. Checked and advanced only
    // on the commit thread; forgotten when a commit fails, so the next write reads the truth from the file.
    private readonly ConcurrentDictionary<string, string?> _etags = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var document = _states.FindById(key);
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

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var data = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var etag = NextETag(expected);
        await CommitAsync(() =>
        {
            CheckETag(key, expected);
            _states.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["etag"] = etag,
                ["data"] = data,
                ["updated"] = DateTime.UtcNow,
            });
            _etags[key] = etag;
        });
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var expected = grainState.ETag;
        await CommitAsync(() =>
        {
            CheckETag(key, expected);
            _states.Delete(key);
            _etags[key] = null;
        });
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task CommitAsync(Action write)
    {
        try
        {
            await store.WriteAsync(write);
        }
        catch (Exception e) when (e is not InconsistentStateException)
        {
            _etags.Clear();
            throw;
        }
    }

    private void CheckETag(string key, string? expected)
    {
        var stored = _etags.TryGetValue(key, out var known) ? known : _states.FindById(key)?["etag"].AsString;
        if (stored != expected)
            throw new InconsistentStateException($"stale ETag for {key}", stored, expected);
    }

    private static string NextETag(string? stored) => ((stored is null ? 0 : long.Parse(stored)) + 1).ToString();

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
