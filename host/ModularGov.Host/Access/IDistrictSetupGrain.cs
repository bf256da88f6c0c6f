namespace ModularGov.Host.Access;

/// <summary>Remembers whether this district's first start (which issues the first admin token) has happened.</summary>
[Alias("ModularGov.Host.Access.IDistrictSetupGrain")]
public interface IDistrictSetupGrain : IGrainWithStringKey
{
    [Alias("IsInitialized")]
    Task<bool> IsInitializedAsync();

    [Alias("MarkInitialized")]
    Task MarkInitializedAsync();
}

[GenerateSerializer]
public sealed class DistrictSetupState
{
    [Id(0)] public DateTimeOffset? InitializedAt { get; set; }
}

internal sealed class DistrictSetupGrain(
    [PersistentState("setup", SharedKernel.State.GrainStorage.Name)] IPersistentState<DistrictSetupState> setup,
    TimeProvider clock) : Grain, IDistrictSetupGrain
{
    public const string Key = "district";

    public Task<bool> IsInitializedAsync() => Task.FromResult(setup.State.InitializedAt is not null);

    public async Task MarkInitializedAsync()
    {
        if (setup.State.InitializedAt is not null)
            return;
        setup.State.InitializedAt = clock.GetUtcNow();
        await setup.WriteStateAsync();
    }
}
