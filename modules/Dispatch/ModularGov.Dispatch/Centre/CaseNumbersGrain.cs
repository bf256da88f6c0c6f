using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class CaseNumbersState
{
    /// <summary>Every number up to this one may have been handed out.</summary>
    [Id(0)] public int LastReservedNumber { get; set; }
}

/// <summary>
/// Hands out a year's case numbers from blocks it reserves on disk first, so one write serves <see cref="Block"/>
/// cases. A number is never handed out twice; what a block had left when the host stopped is skipped.
/// </summary>
internal sealed class CaseNumbersGrain(
    [PersistentState("dispatch-numbers", GrainStorage.Name)] IPersistentState<CaseNumbersState> state) : Grain, ICaseNumbersGrain
{
    private const int Block = 32;

    private int _next;

    public async Task<int> NextAsync()
    {
        if (_next == 0 || _next > state.State.LastReservedNumber)
        {
            var from = state.State.LastReservedNumber + 1;
            state.State.LastReservedNumber += Block;
            await state.WriteStateAsync();
            _next = from;
        }
        return _next++;
    }
}
