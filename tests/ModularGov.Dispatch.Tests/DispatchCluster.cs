using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModularGov.Dispatch.Centre;
using ModularGov.Grids;
using ModularGov.Grids.Contracts;
using ModularGov.Host.Plugins;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.State;
using ModularGov.Testing;
using Orleans.TestingHost;

namespace ModularGov.Dispatch.Tests;

/// <summary>
/// A two-silo cluster running the dispatch centre (and the grids it takes escalations from) on a clock the tests
/// move: 6 May 2026, 09:00 China time, the first working day after the May Day holiday.
/// </summary>
public sealed class DispatchCluster : IAsyncLifetime
{
    internal static PluginScan Streets => TestClusters.Streets;

    private InProcessTestCluster _cluster = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 6, 9, 0, 0, ChinaTime.Offset));

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(new DispatchOptions());
        services.AddSingleton(WorkingCalendar.Shipped);
        services.AddSingleton(Units.Shipped());
        services.AddSingleton<IntakeRules>();
        services.AddSingleton<IEscalationListener, EscalationToCase>();
    }, new GridsModule());

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => _cluster.Silo(index);

    public IServiceProvider Services(int index) => _cluster.Silos[index].ServiceProvider;

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
