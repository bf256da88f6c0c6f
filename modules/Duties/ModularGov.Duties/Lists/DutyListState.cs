using ModularGov.Duties.Contracts;

namespace ModularGov.Duties.Lists;

/// <summary>
/// What a street's duty-list grain keeps about itself: which versions exist (each its own record), how many tasks,
/// changes and agreements it holds (each list in its pages), the tasks counted per department, the changes still in
/// progress and the agreements in force. None of it grows with use: departments, list items and agreements per
/// item are bounded by the list itself.
/// </summary>
[GenerateSerializer]
internal sealed class DutyListState
{
    [Id(4)] public bool Seeded { get; set; }
    [Id(5)] public int FirstVersion { get; set; }
    [Id(6)] public int CurrentVersion { get; set; }
    [Id(7)] public int TaskCount { get; set; }
    [Id(8)] public Dictionary<string, TaskCounts> ByDepartment { get; set; } = [];
    [Id(9)] public int ChangeCount { get; set; }
    /// <summary>The position of the change in progress (applied or assessed) for each item that has one.</summary>
    [Id(10)] public Dictionary<string, int> OpenChanges { get; set; } = [];
    [Id(11)] public int AgreementCount { get; set; }
    /// <summary>The latest agreement filed for each department and item.</summary>
    [Id(12)] public List<TerritorialAgreement> AgreementsInForce { get; set; } = [];
}

/// <summary>A department's pushed-down tasks, admitted and refused.</summary>
[GenerateSerializer, Immutable]
internal sealed record TaskCounts([property: Id(0)] int Admitted, [property: Id(1)] int Refused);

/// <summary>One version of a duty list as its own record, keyed <c>&lt;street&gt;.v&lt;version&gt;</c>.</summary>
[GenerateSerializer]
internal sealed class VersionRecord
{
    [Id(0)] public DutyListVersion Version { get; set; } = null!;
}
