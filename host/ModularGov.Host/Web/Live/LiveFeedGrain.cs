using Orleans.Utilities;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Host.Web.Live;

/// <summary>
/// A topic's subscribed silos, in memory only: a silo renews its subscription every minute while it has a page open on the topic
/// (<see cref="LiveHub"/>), and one not renewed for <see cref="Expiry"/> is dropped, so the list holds at most one entry per silo.
/// </summary>
internal sealed class LiveFeedGrain(ILogger<LiveFeedGrain> log) : Grain, ILiveFeedGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);

    private readonly ObserverManager<ILiveObserver> _observers = new(Expiry, log);

    public Task SubscribeAsync(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveSignal signal)
    {
        _observers.Notify(observer => _ = observer.ChangedAsync(signal));
        return Task.CompletedTask;
    }
}
