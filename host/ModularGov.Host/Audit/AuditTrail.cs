using LiteDB;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Audit;

/// <summary>
/// The operation and sign-in log: its own LiteDB file (<see cref="FileName"/>) beside the district's data, never in it, written
/// only by appending through its own group commit, each entry chained to the one before by its hash. Nothing here edits an
/// entry, and only <see cref="PurgeAsync"/> removes any: the oldest, once past their retention, recording where the chain now
/// starts (the anchor) and leaving an entry that says so.
/// </summary>
internal sealed class AuditTrail : IDisposable
{
    public const string FileName = "audit.db";
    public const string LogFileName = "audit-log.db";
    private const int PurgeBatch = 5000;

    /// <summary>
    /// A mapper that stores every string as given: LiteDB's default one trims them and stores an empty one as null, which would
    /// change the hashed content. Its type maps are built here, on one thread: LiteDB 5.0.21 publishes a type's map before
    /// filling it (litedb-org/LiteDB#2536), so logs sharing one mapper and opened at once (tests start hosts in parallel) failed
    /// now and then with "Member AtTicks not found on BsonMapper"; and one per log, so no two logs build a map at once.
    /// </summary>
    public static BsonMapper NewMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        mapper.ToDocument(new AuditEntry());
        mapper.ToDocument(ChainMark.Genesis);
        return mapper;
    }

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<AuditEntry> _entries;
    private readonly ILiteCollection<ChainMark> _marks;
    private readonly CommitQueue _commits;
    private readonly string _algorithm;

    /// <summary>The last entry's position and hash, known only on the commit thread; null until read (again, after a rollback).</summary>
    private ChainMark? _head;

    /// <param name="dataDir">The folder of the file; null keeps the log in memory (the Memory storage provider, for tests).</param>
    /// <param name="fsync">Flush after every commit, as the district's data is (<c>Storage:Fsync</c>).</param>
    /// <param name="flush">Flushes a file to disk; <see cref="LogFileSync.Flush"/> unless a test makes the disk fail.</param>
    public AuditTrail(string? dataDir, AuditOptions options, ILogger log, bool fsync = true, Action<string>? flush = null)
    {
        _algorithm = options.Hash;
        if (dataDir is not null)
            Directory.CreateDirectory(dataDir);
        var file = dataDir is null ? ":memory:" : Path.Combine(dataDir, FileName);
        _database = OrdinalFiles.Open(file, log, NewMapper());
        _entries = _database.GetCollection<AuditEntry>("entries");
        _entries.EnsureIndex(e => e.AtTicks);
        _entries.EnsureIndex(e => e.Actor);
        _entries.EnsureIndex(e => e.Module);
        _marks = _database.GetCollection<ChainMark>("chain");
        var logPath = dataDir is null || !fsync ? null : Path.Combine(dataDir, LogFileName);
        Action makeDurable = logPath is null ? () => { } : () => (flush ?? LogFileSync.Flush)(logPath);
        _commits = new CommitQueue(_database, makeDurable, () => _head = null, log);
    }

    /// <summary>Why the log takes no more entries since a flush failed (so the host acknowledges no more changes); null while it takes them.</summary>
    public WritesStoppedException? Stopped => _commits.Stopped;

    /// <summary>Chains <paramref name="entry"/> after the last one and stores it; completes once it is on disk.</summary>
    public Task AppendAsync(AuditEntry entry) => _commits.WriteAsync(() =>
    {
        var head = _head ?? Mark(ChainMark.HeadId) ?? ChainMark.Genesis;
        entry.Seq = head.Seq + 1;
        entry.PreviousHash = head.Hash;
        entry.Algorithm = _algorithm;
        entry.Hash = entry.ComputeHash();
        var next = new ChainMark { Id = ChainMark.HeadId, Seq = entry.Seq, Hash = entry.Hash };
        _entries.Insert(entry);
        _marks.Upsert(next);
        _head = next;
    });

    /// <summary>The entries after position <paramref name="after"/> that pass <paramref name="filter"/>, oldest first, and whether more follow.</summary>
    public (IReadOnlyList<AuditEntry> Entries, bool More) Query(AuditFilter filter, long after, int limit)
    {
        var query = _entries.Query().Where(e => e.Seq > after);
        if (filter.From is { } from)
        {
            var ticks = from.UtcTicks;
            query = query.Where(e => e.AtTicks >= ticks);
        }
        if (filter.To is { } to)
        {
            var ticks = to.UtcTicks;
            query = query.Where(e => e.AtTicks < ticks);
        }
        if (filter.Actor is { } actor)
            query = query.Where(e => e.Actor == actor);
        if (filter.Module is { } module)
            query = query.Where(e => e.Module == module);
        if (filter.Outcome is { } outcome)
            query = query.Where(e => e.Outcome == outcome);
        if (filter.Kind is { } kind)
            query = query.Where(e => e.Kind == kind);
        if (filter.Record is { } record)
            query = query.Where(e => e.Record.Contains(record));
        var found = query.OrderBy(e => e.Seq).Limit(limit + 1).ToList();
        return found.Count > limit ? (found[..limit], true) : (found, false);
    }

    /// <summary>Walks the whole chain from its anchor and names the first entry altered or removed (see <see cref="AuditChainCheck"/>).</summary>
    public AuditVerification Verify()
    {
        var check = new AuditChainCheck(Mark(ChainMark.AnchorId) ?? ChainMark.Genesis);
        for (long after = check.Anchor.Seq; ;)
        {
            var page = _entries.Query().Where(e => e.Seq > after).OrderBy(e => e.Seq).Limit(1000).ToList();
            foreach (var entry in page)
            {
                if (!check.Next(entry))
                    return check.Result();
            }
            if (page.Count == 0)
                return check.End(Mark(ChainMark.HeadId) ?? ChainMark.Genesis);
            after = page[^1].Seq;
        }
    }

    /// <summary>
    /// Removes the oldest entries from before <paramref name="cutoff"/>, up to the first entry that is not (the chain loses only its
    /// start), moves the anchor to the last one removed and returns how many went.
    /// </summary>
    public async Task<long> PurgeAsync(DateTimeOffset cutoff)
    {
        var cutoffTicks = cutoff.UtcTicks;
        long purged = 0;
        for (var more = true; more;)
        {
            var removed = 0;
            await _commits.WriteAsync(() =>
            {
                var anchor = Mark(ChainMark.AnchorId) ?? ChainMark.Genesis;
                var oldest = _entries.Query().Where(e => e.Seq > anchor.Seq).OrderBy(e => e.Seq).Limit(PurgeBatch).ToList();
                var expired = oldest.TakeWhile(e => e.AtTicks < cutoffTicks).ToList();
                more = expired.Count == PurgeBatch;
                if (expired.Count == 0)
                    return;
                var last = expired[^1];
                _entries.DeleteMany(e => e.Seq <= last.Seq);
                _marks.Upsert(new ChainMark { Id = ChainMark.AnchorId, Seq = last.Seq, Hash = last.Hash });
                removed = expired.Count;
            });
            purged += removed;
        }
        return purged;
    }

    /// <summary>The first and last positions still held and the last hash, for the host's log (a copy of the head outside this file).</summary>
    public (long First, long Last, string Hash) Span()
    {
        var anchor = Mark(ChainMark.AnchorId) ?? ChainMark.Genesis;
        var head = Mark(ChainMark.HeadId) ?? ChainMark.Genesis;
        return (anchor.Seq + 1, head.Seq, head.Hash);
    }

    private ChainMark? Mark(string id) => _marks.FindById(id);

    public void Dispose()
    {
        _commits.Dispose();
        _database.Dispose();
    }
}

/// <summary>What a query of the log asks for; a null field does not filter.</summary>
internal sealed record AuditFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, string? Module = null,
    string? Record = null, string? Outcome = null, string? Kind = null);

/// <summary>A position in the chain with the hash of the entry there: the head (the last entry), or the anchor (the last one purged).</summary>
internal sealed class ChainMark
{
    public const string HeadId = "head";
    public const string AnchorId = "anchor";

    public static readonly ChainMark Genesis = new() { Id = "genesis", Seq = 0, Hash = "" };

    public string Id { get; set; } = "";
    public long Seq { get; set; }
    public string Hash { get; set; } = "";
}
