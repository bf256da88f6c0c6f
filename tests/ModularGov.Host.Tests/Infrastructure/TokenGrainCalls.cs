using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Access.Contracts;
using Orleans;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>
/// Counts the calls the district's token grains receive, by method: added to a host through
/// <see cref="InProcessDistrict.StartAsync"/>'s <c>replace</c>, it shows whether a request reached a token grain at all.
/// </summary>
internal sealed class TokenGrainCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int Of(string method) => _counts.GetValueOrDefault(method);

    public int All => _counts.Values.Sum();

    public void AddTo(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(this);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IAccessTokenGrain)
            _counts.AddOrUpdate(context.MethodName, 1, (_, n) => n + 1);
        await context.Invoke();
    }
}
