using LiteDB;
using Microsoft.Extensions.Logging;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The group commit: writes queued together share one transaction and one flush, and fail or succeed as they should.</summary>
public sealed class CommitQueueTests : IDisposable
{
    private readonly LiteDatabase _database = new(new MemoryStream());
    private readonly ILiteCollection<BsonDocument> _rows;
    private readonly ListLogger _log = new();
    private int _flushes;
    private int _rollbacks;
    private bool _flushFails;

    public CommitQueueTests() => _rows = _database.GetCollection("rows");

    private CommitQueue Open() => new(_database, () =>
    {
        Interlocked.Increment(ref _flushes);
        if (_flushFails)
            throw new IOException("fsync failed (test)");
    }, () => Interlocked.Increment(ref _rollbacks), _log);

    private Action Insert(string id) => () => _rows.Insert(new BsonDocument { ["_id"] = id });

    /// <summary>A document LiteDB refuses: over its 16,683,050-byte limit.</summary>
    private Action InsertOversized(string id) => () => _rows.Insert(new BsonDocument { ["_id"] = id, ["data"] = new byte[17_000_000] });

    private List<string> Ids() => _rows.FindAll().Select(r => r["_id"].AsString).Order().ToList();

    /// <summary>Holds the commit thread inside a write until released, so that the writes queued meanwhile form one batch.</summary>
    private static (Action Write, ManualResetEventSlim Release) Holder()
    {
        var release = new ManualResetEventSlim();
        return (() => release.Wait(), release);
    }

    [Fact]
    public async Task Writes_queued_together_are_committed_with_one_flush_and_a_refused_write_is_left_out_alone()
    {
        using var queue = Open();
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var writes = Enumerable.Range(1, 10).Select(n => queue.WriteAsync(Insert($"row-{n}"))).ToList();
        var refused = queue.WriteAsync(() => throw new InvalidOperationException("stale version (test)"));
        var flushesBefore = _flushes;
        release.Set();

        await held;
        await Task.WhenAll(writes);
        (await Should.ThrowAsync<InvalidOperationException>(refused)).Message.ShouldBe("stale version (test)");
        _rows.Count().ShouldBe(10);
        (_flushes - flushesBefore).ShouldBeLessThanOrEqualTo(2, "the held write's batch, then one for everything queued behind it");
    }

    [Fact]
    public async Task A_write_the_store_refuses_fails_alone_and_the_rest_of_its_batch_commits()
    {
        using var queue = Open();
        await queue.WriteAsync(Insert("kept"));
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var before = queue.WriteAsync(Insert("before"));
        var duplicate = queue.WriteAsync(Insert("kept"));
        var between = queue.WriteAsync(Insert("between"));
        var oversized = queue.WriteAsync(InsertOversized("oversized"));
        var after = queue.WriteAsync(Insert("after"));
        release.Set();

        await Task.WhenAll(held, before, between, after);
        (await Should.ThrowAsync<LiteException>(duplicate)).Message.ShouldContain("duplicate key");
        (await Should.ThrowAsync<LiteException>(oversized)).Message.ShouldContain("Document size exceed");
        Ids().ShouldBe(["after", "before", "between", "kept"]);
        _rollbacks.ShouldBe(2, "once for each refused write, so that what the writes remembered beside the file is forgotten");
    }

    [Fact]
    public async Task A_failed_flush_fails_its_batch_and_every_later_write_and_says_so_once_in_the_log()
    {
        using var queue = Open();
        await queue.WriteAsync(Insert("safe"));
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var writes = Enumerable.Range(1, 5).Select(n => queue.WriteAsync(Insert($"unflushed-{n}"))).ToList();
        _flushFails = true;
        release.Set();

        foreach (var write in writes.Prepend(held))
            await Should.ThrowAsync<IOException>(write);
        _flushFails = false;
        var refused = await Should.ThrowAsync<WritesStoppedException>(queue.WriteAsync(Insert("later")));
        refused.Message.ShouldContain("no longer known to be safe");
        refused.InnerException!.Message.ShouldBe("fsync failed (test)");
        queue.Stopped.ShouldBeSameAs(refused);
        await Should.ThrowAsync<WritesStoppedException>(queue.WriteAsync(Insert("later still")));
        _rows.Exists(Query.EQ("_id", "later")).ShouldBeFalse();
        var critical = _log.Lines.Count(l => l.Level == LogLevel.Critical);
        critical.ShouldBe(1);
        _log.Lines.Single(l => l.Level == LogLevel.Critical).Message.ShouldContain("acknowledges no more writes");
    }

    [Fact]
    public async Task Closing_finishes_the_queued_writes_and_refuses_new_ones()
    {
        var queue = Open();
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var queued = queue.WriteAsync(Insert("queued"));
        var closing = Task.Run(queue.Dispose);
        release.Set();
        await closing;

        await held;
        await queued;
        _rows.Exists(Query.EQ("_id", "queued")).ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => queue.WriteAsync(Insert("late")));
    }

    public void Dispose() => _database.Dispose();
}
