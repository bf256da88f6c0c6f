using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access;

[GenerateSerializer]
internal sealed class DistrictSetupState
{
    [Id(0)] public DateTimeOffset? InitializedAt { get; set; }
}

internal sealed class DistrictSetupGrain(
    [PersistentState("setup", GrainStorage.Name)] IPersistentState<DistrictSetupState> setup,
    TimeProvider clock) : Grain, IDistrictSetupGrain
{
    public Task<bool> IsInitializedAsync() => Task.FromResult(setup.State.InitializedAt is not null);

    public async Task MarkInitializedAsync()
    {
        if (setup.State.InitializedAt is not null)
            return;
        setup.State.InitializedAt = clock.Now();
        await setup.WriteStateAsync();
    }
}
