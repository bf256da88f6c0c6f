using System.Collections.Concurrent;
using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// Group commit. Every write to the district's file is queued here; one thread takes whatever is queued (up to
/// <see cref="MaxBatch"/>), applies it in one LiteDB transaction, makes it durable with one fsync and only then
/// completes the writers' tasks. Under load many grains share a commit and a flush, and no Orleans scheduler thread
/// ever blocks on the disk. A write must check everything before it changes anything: one that throws is left out
/// of the commit on its own. A write LiteDB refuses (LiteDB then drops the whole transaction) fails alone: the batch
/// is rolled back and applied again without it. A failed flush fails its batch (the commit is in LiteDB's log but not
/// known to be on disk, so none of it is acknowledged) and stops the queue: every later write is refused with
/// <see cref="WritesStoppedException"/> until the host is restarted.
/// </summary>
internal sealed class CommitQueue : IDisposable
{
    public const int MaxBatch = 256;

    private readonly BlockingCollection<PendingWrite> _queue = [];
    private readonly LiteDatabase _database;
    private readonly Action _makeDurable;
    private readonly Action _rolledBack;
    private readonly ILogger _log;
    private readonly Thread _writer;
    private volatile WritesStoppedException? _stopped;

    /// <param name="rolledBack">Called on the commit thread after every rollback, before anything else is applied.</param>
    public CommitQueue(LiteDatabase database, Action makeDurable, Action rolledBack, ILogger log)
    {
        _database = database;
        _makeDurable = makeDurable;
        _rolledBack = rolledBack;
        _log = log;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB group commit" };
        _writer.Start();
    }

    /// <summary>Why the queue refuses every write since a flush failed; null while it takes writes.</summary>
    public WritesStoppedException? Stopped => _stopped;

    /// <summary>Queues a write; the task completes once it is committed and on disk, or fails with why it was not.</summary>
    public Task WriteAsync(Action write)
    {
        if (_stopped is { } stopped)
            return Task.FromException(stopped);
        var pending = new PendingWrite(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.TryAdd(pending))
            throw new ObjectDisposedException(nameof(CommitQueue), "the district's data file is closing; nothing was written");
        return pending.Done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
                batch.Add(next);
            if (_stopped is { } stopped)
                Fail(batch, stopped);
            else
                Commit(batch);
            batch.Clear();
        }
    }

    /// <summary>Commits the batch; each write LiteDB refuses fails alone and the rest are applied again without it.</summary>
    private void Commit(List<PendingWrite> batch)
    {
        var remaining = new List<PendingWrite>(batch);
        while (remaining.Count > 0)
        {
            Attempt attempt;
            try
            {
                attempt = Apply(remaining);
                if (attempt.RefusedByStore is null)
                    _database.Commit();
            }
            catch (Exception failure)
            {
                RollBack();
                Fail(remaining, failure);
                return;
            }
            if (attempt.RefusedByStore is { } refusedByStore)
            {
                RollBack();
                refusedByStore.Write.Done.TrySetException(refusedByStore.Why);
                remaining.Remove(refusedByStore.Write);
                continue;
            }
            if (!TryMakeDurable(remaining))
                return;
            foreach (var (pending, why) in attempt.Refused)
                pending.Done.TrySetException(why);
            foreach (var pending in attempt.Applied)
                pending.Done.TrySetResult();
            return;
        }
    }

    /// <summary>Applies writes in one transaction until LiteDB refuses one (it has then dropped the transaction).</summary>
    private Attempt Apply(List<PendingWrite> writes)
    {
        var attempt = new Attempt();
        _database.BeginTrans();
        foreach (var pending in writes)
        {
            try
            {
                pending.Write();
                attempt.Applied.Add(pending);
            }
            catch (LiteException why)
            {
                attempt.RefusedByStore = (pending, why);
                return attempt;
            }
            catch (Exception why)
            {
                attempt.Refused.Add((pending, why));
            }
        }
        return attempt;
    }

    private bool TryMakeDurable(List<PendingWrite> committed)
    {
        try
        {
            _makeDurable();
            return true;
        }
        catch (Exception failure)
        {
            _stopped = new WritesStoppedException(DateTimeOffset.UtcNow, failure);
            _log.LogCritical(failure, "数据刷盘失败,主机不再确认任何写入,请检查磁盘后重启 (flushing the district's data to disk failed: the host " +
                "acknowledges no more writes and /health reports it; check the disk, then restart the host)");
            Fail(committed, failure);
            return false;
        }
    }

    private void RollBack()
    {
        try
        {
            _database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing left to roll back (LiteDB dropped the transaction itself).
        }
        _rolledBack();
    }

    private static void Fail(List<PendingWrite> writes, Exception why)
    {
        foreach (var pending in writes)
            pending.Done.TrySetException(why);
    }

    /// <summary>Stops taking writes, finishes every write already queued, then returns.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
    }

    private sealed record PendingWrite(Action Write, TaskCompletionSource Done);

    private sealed class Attempt
    {
        public List<PendingWrite> Applied { get; } = [];
        public List<(PendingWrite Write, Exception Why)> Refused { get; } = [];
        public (PendingWrite Write, LiteException Why)? RefusedByStore { get; set; }
    }
}
