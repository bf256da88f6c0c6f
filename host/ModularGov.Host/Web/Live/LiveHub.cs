using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Host.Web.Live;

/// <summary>
/// This silo's end of the live updates: one observer for every page open on it, subscribed to the feed grain of each topic some
/// page follows (renewed every minute, dropped when the last page on the topic goes), handing each signal to the event streams
/// of those pages. Bounded: at most <see cref="MaxStreams"/> streams at once, and a stream that cannot keep up loses its oldest
/// signals, not memory (a page reloads whole regions, so a later signal covers an earlier one).
/// </summary>
internal sealed class LiveHub(IGrainFactory grains, ILogger<LiveHub> log) : BackgroundService, ILiveObserver, ILiveStreams
{
    public const int MaxStreams = 2000;
    private const int Backlog = 16;
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(25);

    private readonly ConcurrentDictionary<string, HashSet<Channel<LiveSignal>>> _topics = new();
    private ILiveObserver? _reference;
    private int _streams;

    /// <summary>
    /// The grain reference of this hub: one, even when the first pages open at once (a second would be a second subscriber to every
    /// feed until it lapsed); the hub holds itself, so the weak reference Orleans keeps stays alive.
    /// </summary>
    private ILiveObserver Reference => LazyInitializer.EnsureInitialized(ref _reference, () => grains.CreateObjectReference<ILiveObserver>(this));

    public int StreamCount => Volatile.Read(ref _streams);

    public IResult Listen(HttpContext http, params IReadOnlyList<string> topics)
    {
        if (Interlocked.Increment(ref _streams) > MaxStreams)
        {
            Interlocked.Decrement(ref _streams);
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "too-many-streams", "实时连接过多", "Service unavailable: too many live pages open",
                $"this host serves at most {MaxStreams} live pages at once; the page still works, reload it to see changes");
        }
        return TypedResults.ServerSentEvents(StreamAsync(topics, http.RequestAborted));
    }

    private async IAsyncEnumerable<SseItem<LiveSignal>> StreamAsync(IReadOnlyList<string> topics, [EnumeratorCancellation] CancellationToken aborted)
    {
        var channel = Channel.CreateBounded<LiveSignal>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        try
        {
            foreach (var topic in topics)
                await JoinAsync(topic, channel);
            yield return new SseItem<LiveSignal>(new LiveSignal("", "connected", ""), "connected") { ReconnectionInterval = TimeSpan.FromSeconds(2) };
            while (!aborted.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                beat.CancelAfter(Heartbeat);
                LiveSignal? signal = null;
                try
                {
                    signal = await channel.Reader.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    // quiet for a while: a heartbeat keeps proxies from closing the stream
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return signal is null ? new SseItem<LiveSignal>(new LiveSignal("", "ping", ""), "ping") : new SseItem<LiveSignal>(signal, "changed");
            }
        }
        finally
        {
            foreach (var topic in topics)
                Leave(topic, channel);
            Interlocked.Decrement(ref _streams);
        }
    }

    private async Task JoinAsync(string topic, Channel<LiveSignal> channel)
    {
        var listeners = _topics.GetOrAdd(topic, _ => []);
        bool first;
        lock (listeners)
        {
            first = listeners.Count == 0;
            listeners.Add(channel);
        }
        if (first)
            await grains.GetGrain<ILiveFeedGrain>(topic).SubscribeAsync(Reference);
    }

    private void Leave(string topic, Channel<LiveSignal> channel)
    {
        if (!_topics.TryGetValue(topic, out var listeners))
            return;
        lock (listeners)
        {
            listeners.Remove(channel);
            if (listeners.Count > 0)
                return;
            _topics.TryRemove(new KeyValuePair<string, HashSet<Channel<LiveSignal>>>(topic, listeners));
        }
        _ = grains.GetGrain<ILiveFeedGrain>(topic).UnsubscribeAsync(Reference).ContinueWith(
            t => log.LogDebug(t.Exception, "live feed {Topic}: unsubscribe failed (the subscription lapses by itself)", topic), TaskContinuationOptions.OnlyOnFaulted);
    }

    public Task ChangedAsync(LiveSignal signal)
    {
        if (_topics.TryGetValue(signal.Topic, out var listeners))
        {
            lock (listeners)
            {
                foreach (var channel in listeners)
                    channel.Writer.TryWrite(signal);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Renews this silo's subscription to every topic a page follows, before the feed grain lets it lapse.</summary>
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            foreach (var topic in _topics.Keys)
            {
                try
                {
                    await grains.GetGrain<ILiveFeedGrain>(topic).SubscribeAsync(Reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "live feed {Topic}: renewing the subscription failed; retried in a minute", topic);
                }
            }
        }
    }
}
