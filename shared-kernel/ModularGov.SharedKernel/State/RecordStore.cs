using System.Security.Cryptography;
using System.Text;
using Orleans.Storage;

namespace ModularGov.SharedKernel.State;

/// <summary>
/// Records of one kind, each its own entry in the grain storage, keyed by a string id and written only by the grain
/// that owns them. A list that grows with use is kept this way (or in a <see cref="PagedList{T}"/>), so no grain's
/// state and no single write grows with the number of records the district has ever had.
/// </summary>
public sealed class RecordStore<T>(IGrainStorage storage, string kind) where T : class, new()
{
    /// <summary>Ids longer than this are stored under their SHA-256, so a store's key stays short whatever the caller sends.</summary>
    private const int MaxPlainId = 120;

    /// <summary>The stored record with its version for the next write, or null if there is none.</summary>
    public async Task<Stored<T>?> ReadAsync(string id)
    {
        var stored = new GrainState<T>(new T());
        await storage.ReadStateAsync(kind, Key(id), stored);
        return stored.RecordExists && stored.State is { } value ? new Stored<T>(id, value, stored.ETag) : null;
    }

    /// <summary>Writes a record read by <see cref="ReadAsync"/>, or a new one (refused if the id is already stored).</summary>
    public async Task WriteAsync(Stored<T> record)
    {
        var stored = new GrainState<T>(record.Value) { ETag = record.ETag, RecordExists = record.ETag is not null };
        await storage.WriteStateAsync(kind, Key(record.Id), stored);
        record.ETag = stored.ETag;
    }

    private GrainId Key(string id) => GrainId.Create(kind, id.Length <= MaxPlainId ? id : Hash(id));

    private static string Hash(string id) => "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}

/// <summary>A record and the version of its stored copy (none yet for a new one).</summary>
public sealed class Stored<T>(string id, T value, string? etag = null)
{
    public string Id { get; } = id;
    public T Value { get; } = value;
    public string? ETag { get; set; } = etag;
}
