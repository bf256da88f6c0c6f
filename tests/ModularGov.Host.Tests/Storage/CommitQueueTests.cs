using LiteDB;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The group commit: writes queued together share one transaction and one flush, and fail or succeed as they should.</summary>
public sealed class CommitQueueTests : IDisposable
{
    private readonly LiteDatabase _database = new(new MemoryStream());
    private readonly ILiteCollection<BsonDocument> _rows;
    private int _flushes;
    private bool _flushFails;

    public CommitQueueTests() => _rows = _database.GetCollection("rows");

    private CommitQueue Open() => new(_database, () =>
    {
        Interlocked.Increment(ref _flushes);
        if (_flushFails)
            throw new IOException("fsync failed (test)");
    });

    private Action Insert(string id) => () => _rows.Insert(new BsonDocument { ["_id"] = id });

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
    public async Task A_store_error_rolls_the_whole_batch_back_and_fails_every_write_in_it()
    {
        using var queue = Open();
        await queue.WriteAsync(Insert("kept"));
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var writes = new[] { queue.WriteAsync(Insert("lost-1")), queue.WriteAsync(Insert("kept")), queue.WriteAsync(Insert("lost-2")) };
        release.Set();

        foreach (var write in writes.Prepend(held))
            await Should.ThrowAsync<LiteException>(write);
        _rows.FindAll().Select(r => r["_id"].AsString).ToList().ShouldBe(["kept"]);
        await queue.WriteAsync(Insert("after"));
        _rows.Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_flush_fails_every_write_in_the_batch_so_none_is_acknowledged()
    {
        using var queue = Open();
        var (hold, release) = Holder();
        var held = queue.WriteAsync(hold);
        var writes = Enumerable.Range(1, 5).Select(n => queue.WriteAsync(Insert($"unflushed-{n}"))).ToList();
        _flushFails = true;
        release.Set();

        foreach (var write in writes.Prepend(held))
            await Should.ThrowAsync<IOException>(write);
        _flushFails = false;
        await queue.WriteAsync(Insert("after"));
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
