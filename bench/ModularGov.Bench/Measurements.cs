using System.Diagnostics;

namespace ModularGov.Bench;

/// <summary>Helpers that turn timings into the figures the benchmark reports.</summary>
internal static class Measurements
{
    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="work"/> for <paramref name="duration"/>; returns completed operations per second.</summary>
    public static async Task<double> ThroughputAsync(int workers, TimeSpan duration, Func<int, long, Task> work)
    {
        var clock = Stopwatch.StartNew();
        long done = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            for (long n = 0; clock.Elapsed < duration; n++)
            {
                await work(worker, n);
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs <paramref name="total"/> pieces of work on <paramref name="workers"/> concurrent workers (each taking the next
    /// number until none is left) and returns how many completed per second.
    /// </summary>
    public static async Task<double> ThroughputOfCountAsync(int workers, int total, Func<int, long, Task> work)
    {
        var clock = Stopwatch.StartNew();
        long next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            for (var n = Interlocked.Increment(ref next); n < total; n = Interlocked.Increment(ref next))
                await work(worker, n);
        }));
        return total / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Offers <paramref name="perSecond"/> requests a second for <paramref name="duration"/>, each started at its
    /// scheduled moment whether or not earlier ones have finished (an open loop), and returns the latencies measured
    /// from each scheduled moment, in milliseconds.
    /// </summary>
    public static async Task<List<double>> OpenLoopLatenciesAsync(int perSecond, TimeSpan duration, Func<long, Task> send)
    {
        var total = (long)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var pending = new List<Task>((int)total);
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(2))
                await Task.Delay(wait);
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                await send(index);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(pending);
        return [.. latencies];
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }
}
