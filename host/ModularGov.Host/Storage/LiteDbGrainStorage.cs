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
internal sealed class LiteDbGrainStorage : IGrainStorage
{
    /// <summary>
    /// The largest serialized state taken: LiteDB refuses a document over 16,683,050 bytes, and this leaves room for
    /// the key and the other fields, so a state that is too big is refused here, by name, before it reaches a batch.
    /// </summary>
    public const int MaxStateBytes = 16_000_000;

    private const string Collection = "grainstate";

    private readonly LiteDbStore _store;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILiteCollection<BsonDocument> _states;

    // This process is the file's only writer (the data-directory lock), so the ETags it has committed are the stored
    // ones: a write need not read the stored document back to check its ETag. Checked and advanced only on the commit
    // thread; forgotten whenever a batch is rolled back, so the writes applied again, and every later one, read the truth
    // from the file. At most _rememberedLimit are kept (one per record ever written would grow for as long as the host
    // runs): past it they are all forgotten, and the next write of each record reads its ETag from the file once.
    private readonly ConcurrentDictionary<string, string?> _etags = [];
    private readonly int _rememberedLimit;
    private int _remembered;

    /// <param name="rememberedETags">How many records' ETags are kept in memory at most; small in a test.</param>
    public LiteDbGrainStorage(LiteDbStore store, IGrainStorageSerializer serializer, int rememberedETags = 100_000)
    {
        _store = store;
        _serializer = serializer;
        _rememberedLimit = rememberedETags;
        _states = store.Database.GetCollection(Collection);
        store.RolledBack += Forget;
    }

    /// <summary>How many records' ETags are in memory now (never more than the limit).</summary>
    internal int RememberedETags => _remembered;

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
        grainState.State = _serializer.Deserialize<T>(new BinaryData(document["data"].AsBinary));
        grainState.ETag = document["etag"].AsString;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var data = _serializer.Serialize(grainState.State).ToArray();
        if (data.Length > MaxStateBytes)
            throw new InvalidOperationException(
                $"状态过大,未写入 (state too large, nothing written): {key} is {data.Length:N0} bytes, the store takes at most {MaxStateBytes:N0}");
        var expected = grainState.ETag;
        var etag = NextETag(expected);
        await _store.WriteAsync(() =>
        {
            CheckETag(key, expected);
            var document = new BsonDocument
            {
                ["_id"] = key,
                ["etag"] = etag,
                ["data"] = data,
                ["updated"] = DateTime.UtcNow,
            };
            // The check has just told whether the record exists: an insert or an update searches the key once, where an
            // upsert searches it for the update and again for the insert (each search costs more as the file grows).
            if (expected is null)
                _states.Insert(document);
            else
                _states.Update(document);
            Remember(key, etag);
        });
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var expected = grainState.ETag;
        await _store.WriteAsync(() =>
        {
            CheckETag(key, expected);
            _states.Delete(key);
            Remember(key, null);
        });
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>On the commit thread only, like every use of the ETags.</summary>
    private void Remember(string key, string? etag)
    {
        if (!_etags.ContainsKey(key) && ++_remembered > _rememberedLimit)
        {
            _etags.Clear();
            _remembered = 1;
        }
        _etags[key] = etag;
    }

    private void Forget()
    {
        _etags.Clear();
        _remembered = 0;
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
