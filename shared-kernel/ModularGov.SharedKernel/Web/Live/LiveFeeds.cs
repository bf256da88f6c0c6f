using Microsoft.AspNetCore.Http;
using Orleans.Concurrency;

namespace ModularGov.SharedKernel.Web.Live;

/// <summary>
/// What changed, for the pages open on a topic (<see cref="LiveTopics"/>): the kind of record and its id. A page reloads the
/// regions it shows for that topic from the server, so a signal carries no data and no one learns anything from it alone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LiveSignal([property: Id(0)] string Topic, [property: Id(1)] string Kind, [property: Id(2)] string Id);

/// <summary>A silo's receiver of live signals (one per silo, for every page open on it).</summary>
[Alias("ModularGov.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    [OneWay, Alias("Changed")]
    Task ChangedAsync(LiveSignal signal);
}

/// <summary>
/// One topic's subscribers (keyed by topic): the silos with a page open on it. Grains publish one-way after each change, so a
/// page updates within a second and a slow or gone silo never holds a grain up; a silo's subscription lapses unless renewed.
/// </summary>
[Alias("ModularGov.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithStringKey
{
    [Alias("Subscribe")]
    Task SubscribeAsync(ILiveObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ILiveObserver observer);

    [OneWay, Alias("Publish")]
    Task PublishAsync(LiveSignal signal);
}

/// <summary>The topics pages follow.</summary>
public static class LiveTopics
{
    public static string Street(string code) => $"street:{code}";

    public static string Grid(string gridId) => $"grid:{gridId}";

    public static string Case(string caseId) => $"case:{caseId}";

    /// <summary>The dispatch centre's board and the district's overview.</summary>
    public const string District = "district";
}

public static class LiveFeedExtensions
{
    /// <summary>Tells the pages open on <paramref name="topic"/> that a record changed (one-way: returns at once).</summary>
    public static Task PublishLiveAsync(this IGrainFactory grains, string topic, string kind, string id) =>
        grains.GetGrain<ILiveFeedGrain>(topic).PublishAsync(new LiveSignal(topic, kind, id));
}

/// <summary>A page's server-sent event stream of the signals on some topics, mapped by a module beside the page (same access rule).</summary>
public interface ILiveStreams
{
    /// <summary>
    /// Streams the signals on <paramref name="topics"/> as <c>changed</c> events until the browser goes (503 when the host already
    /// holds as many streams as it allows).
    /// </summary>
    IResult Listen(HttpContext http, params IReadOnlyList<string> topics);
}
