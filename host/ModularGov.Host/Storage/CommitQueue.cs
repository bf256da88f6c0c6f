using System.Collections.Concurrent;
using LiteDB;

namespace ModularGov.Host.Storage;

/// <summary>
/// Group commit. Every write to the district's file is queued here; one thread takes whatever is queued (up to
/// <see cref="MaxBatch"/>), applies it in one LiteDB transaction, makes it durable with one fsync and only then
/// completes the writers' tasks. Under load many grains share a commit and a flush, and no Orleans scheduler thread
/// ever blocks on the disk. A write must check everything before it changes anything: one that throws is left out
/// of the commit on its own. A LiteDB error rolls the whole batch back and fails every write in it; so does a failed
/// flush (the commit is then in LiteDB's log but not on disk, so none of it is acknowledged).
/// </summary>
internal sealed class CommitQueue : IDisposable
{
    public const int MaxBatch = 256;

    private readonly BlockingCollection<PendingWrite> _queue = [];
    private readonly LiteDatabase _database;
    private readonly Action _makeDurable;
    private readonly Thread _writer;

    public CommitQueue(LiteDatabase database, Action makeDurable)
    {
        _database = database;
        _makeDurable = makeDurable;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB group commit" };
        _writer.Start();
    }

    /// <summary>Queues a write; the task completes once it is committed and on disk, or fails with why it was not.</summary>
    public Task WriteAsync(Action write)
    {
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
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var applied = new List<PendingWrite>(batch.Count);
        var refused = new List<(PendingWrite Write, Exception Why)>();
        try
        {
            _database.BeginTrans();
            foreach (var pending in batch)
            {
                try
                {
                    pending.Write();
                    applied.Add(pending);
                }
                catch (Exception why) when (why is not LiteException)
                {
                    refused.Add((pending, why));
                }
            }
            _database.Commit();
            _makeDurable();
        }
        catch (Exception failure)
        {
            RollBack();
            foreach (var pending in batch)
                pending.Done.TrySetException(failure);
            return;
        }
        foreach (var (pending, why) in refused)
            pending.Done.TrySetException(why);
        foreach (var pending in applied)
            pending.Done.TrySetResult();
    }

    private void RollBack()
    {
        try
        {
            _database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing left to roll back (the commit itself went through and the flush failed).
        }
    }

    /// <summary>Stops taking writes, finishes every write already queued, then returns.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
    }

    private sealed record PendingWrite(Action Write, TaskCompletionSource Done);
}
