using ModularGov.SharedKernel.Results;

namespace ModularGov.Dispatch.Contracts;

/// <summary>
/// Intake at one place (a street, community, category and place): source keys, duplicate detection and opening. Keyed
/// by the place; reports at different places are taken in parallel. Called by the centre only.
/// </summary>
[Alias("ModularGov.Dispatch.IDispatchPlaceGrain")]
public interface IDispatchPlaceGrain : IGrainWithStringKey
{
    [Alias("Receive")]
    Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey);
}

/// <summary>Case numbers of one year (keyed <c>2026</c>): each number is handed out once; a restart may leave a gap.</summary>
[Alias("ModularGov.Dispatch.ICaseNumbersGrain")]
public interface ICaseNumbersGrain : IGrainWithStringKey
{
    [Alias("Next")]
    Task<int> NextAsync();
}
