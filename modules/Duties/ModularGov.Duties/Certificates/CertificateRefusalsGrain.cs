using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Duties.Certificates;

[GenerateSerializer]
internal sealed class CertificateRefusalsState
{
    [Id(0)] public Dictionary<string, int> Counts { get; set; } = [];
}

internal sealed class CertificateRefusalsGrain(
    [PersistentState("certificate-refusals", GrainStorage.Name)] IPersistentState<CertificateRefusalsState> state) : Grain, ICertificateRefusalsGrain
{
    public async Task CountAsync(string code)
    {
        state.State.Counts[code] = state.State.Counts.GetValueOrDefault(code) + 1;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, int>> GetCountsAsync() => Task.FromResult<IReadOnlyDictionary<string, int>>(state.State.Counts.ToDictionary());
}
