using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

/// <summary>
/// Each case's index record (<c>dispatch-index/{caseId}</c>), written by the case after every change and read by the
/// months for their rankings: one small record per case instead of one list of every case.
/// </summary>
internal static class CaseIndex
{
    public static RecordStore<IndexRecord> Open(IGrainStorage storage) => new(storage, "dispatch-index");
}

[GenerateSerializer]
internal sealed class IndexRecord
{
    [Id(0)] public CaseIndexEntry? Entry { get; set; }
    /// <summary>The case's change number this record shows; a case finding an older one on activation publishes again.</summary>
    [Id(1)] public long Version { get; set; }
}
