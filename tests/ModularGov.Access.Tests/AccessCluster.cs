using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModularGov.Access.Accounts;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using Orleans.TestingHost;

namespace ModularGov.Access.Tests;

/// <summary>
/// Token grains on a real two-silo Orleans cluster with in-memory storage, on a clock the tests move (by hours, never
/// years: Orleans' own timers share it), and a count of the calls each token grain method receives.
/// </summary>
public sealed class AccessCluster : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 6, 9, 0, 0, ChinaTime.Offset));

    public TokenGrainCalls Calls { get; } = new();

    /// <summary>The account policy the silos run (passwords expire after a day here, so a test moves the clock by hours).</summary>
    internal AccountOptions Accounts { get; } = new() { PasswordExpiryDays = 1 };

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton(Accounts);
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(Calls);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public IGrainFactory Grains(int silo = 0) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    public Task DeactivateAsync(IGrain grain) => _cluster.DeactivateAsync(grain);

    /// <summary>An issuer entering the cluster through <paramref name="silo"/>, with its own caches, as each silo of a district has.</summary>
    internal TokenIssuer Issuer(int silo = 0, AuthOptions? auth = null) => new(Grains(silo), new TestStreets(), Clock, auth ?? new AuthOptions());

    /// <summary>Issues a token on the host's authority and returns it with the identity it carries.</summary>
    internal async Task<(string Token, AccessIdentity Identity)> HostIssuedAsync(string role, string scope, TokenIssuer? issuer = null)
    {
        issuer ??= Issuer();
        var issued = (await issuer.IssueFromHostAsync("test", new TokenRequest(role, scope, $"{role} {scope}"))).Issued.ShouldNotBeNull();
        return (issued.Token, (await issuer.AuthenticateAsync(issued.Token)).ShouldNotBeNull());
    }

    /// <summary>Issues a token as <paramref name="by"/> and returns it with the identity it carries.</summary>
    internal async Task<(string Token, AccessIdentity Identity)> IssuedByAsync(AccessIdentity by, string role, string scope, TokenIssuer? issuer = null)
    {
        issuer ??= Issuer();
        var result = await issuer.IssueAsync(by, new TokenRequest(role, scope, $"{role} {scope}"));
        var issued = result.Issued.ShouldNotBeNull(result.Error);
        return (issued.Token, (await issuer.AuthenticateAsync(issued.Token)).ShouldNotBeNull());
    }
}

/// <summary>Counts the calls token grains receive, by method name, on every silo.</summary>
public sealed class TokenGrainCalls : IIncomingGrainCallFilter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

    public int Of(string method) => _counts.GetValueOrDefault(method);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IAccessTokenGrain)
            _counts.AddOrUpdate(context.MethodName, 1, (_, n) => n + 1);
        await context.Invoke();
    }
}
