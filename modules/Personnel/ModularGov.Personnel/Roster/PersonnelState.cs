using ModularGov.Personnel.Contracts;

namespace ModularGov.Personnel.Roster;

/// <summary>
/// What the street's personnel grain keeps itself: the figures, counts and the open loans and secondments (bounded by the pool
/// and the roster). The roster, the changes, the loans and the secondments are each a paged list of their own.
/// </summary>
[GenerateSerializer]
internal sealed class PersonnelState
{
    [Id(0)] public bool Seeded { get; set; }
    [Id(1)] public StaffingFigures Figures { get; set; } = new(0, 0, 0, 0, 0, 0);
    [Id(2)] public int StaffingChangeCount { get; set; }
    [Id(3)] public int LoanCount { get; set; }
    /// <summary>Loans not yet returned, by id, with their position in the loans list.</summary>
    [Id(4)] public Dictionary<string, int> OpenLoans { get; set; } = [];
    [Id(5)] public int LentPostCount { get; set; }
    [Id(6)] public int PersonCount { get; set; }
    [Id(7)] public int SecondmentCount { get; set; }
    /// <summary>Secondments still out, by the person seconded, with their position in the secondments list.</summary>
    [Id(8)] public Dictionary<string, int> OpenSecondments { get; set; } = [];
    [Id(9)] public int PeakOut { get; set; }
    [Id(10)] public int RatingCount { get; set; }
    [Id(11)] public int TrainingCount { get; set; }
    /// <summary>Enrolments not yet completed, by "person|tier" (one a tier, so bounded by the roster), with their position in the list.</summary>
    [Id(12)] public Dictionary<string, int> OpenTrainings { get; set; } = [];
}
