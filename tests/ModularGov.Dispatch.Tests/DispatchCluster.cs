using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModularGov.Dispatch.Centre;
using ModularGov.Grids.Contracts;
using ModularGov.Host.Hosting;
using ModularGov.Host.Plugins;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.TestingHost;

namespace ModularGov.Dispatch.Tests;

/// <summary>
/// A two-silo cluster running the dispatch centre (and the grids it takes escalations from) on a clock the tests
/// move: 6 May 2026, 09:00 China time, the first working day after the May Day holiday.
/// </summary>
public sealed class DispatchCluster : IAsyncLifetime
{
    internal static readonly PluginScan Streets = StreetPluginLoader.LoadAll(RepoPaths.BundledPlugins, ModuleCatalog.Shipped());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 6, 9, 0, 0, ChinaTime.Offset));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            var streets = new StreetDirectory(Streets.Loaded);
            silo.Services.AddSingleton<IStreetDirectory>(streets);
            silo.Services.AddSingleton(new Grids.Layout.GridDirectory(streets));
            silo.Services.AddSingleton(new DispatchOptions());
            silo.Services.AddSingleton(WorkingCalendar.Shipped);
            silo.Services.AddSingleton(Units.Shipped());
            silo.Services.AddSingleton<IntakeRules>();
            silo.Services.AddSingleton<IEscalationListener, EscalationToCase>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public IGrainFactory Silo(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public static Actor Person(string label, string role, string scope) => new(label, role, scope, $"token-{label}");
}
