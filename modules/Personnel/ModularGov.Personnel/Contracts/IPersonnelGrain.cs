using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Concurrency;

namespace ModularGov.Personnel.Contracts;

/// <summary>
/// 人员 — one grain per street (keyed by street code): its staffing and every change to it, the turnover pool's loans, its
/// roster with each person's career, and its secondments. It starts from what the street's plugin ships; after that the
/// record is the street's. Lists are read in pages: the items after a position (0: from the first), oldest first.
/// </summary>
[Alias("ModularGov.Personnel.IPersonnelGrain")]
public interface IPersonnelGrain : IGrainWithStringKey
{
    [Alias("Staffing"), ReadOnly]
    Task<StaffingView> GetStaffingAsync();

    /// <summary>Changes the approved figures (the district's 编办 decides them); the change is kept with the figures before it.</summary>
    [Alias("ChangeStaffing")]
    Task<Outcome<StaffingChange>> ChangeStaffingAsync(StaffingFigures after, string reason, string approval, Actor by);

    [Alias("StaffingChanges"), ReadOnly]
    Task<Page<StaffingChange>> ListStaffingChangesAsync(int after, int limit);

    /// <summary>Lends turnover posts (周转编) until a date; refused, with the balance, when the pool has too few.</summary>
    [Alias("Lend")]
    Task<Outcome<TurnoverLoan>> LendTurnoverAsync(string to, int posts, DateOnly returnBy, string reason, Actor by);

    [Alias("ReturnLoan")]
    Task<Outcome<TurnoverLoan>> ReturnTurnoverAsync(string loanId, Actor by);

    [Alias("Loans"), ReadOnly]
    Task<Page<TurnoverLoan>> ListLoansAsync(int after, int limit);

    [Alias("Person"), ReadOnly]
    Task<Person?> GetPersonAsync(string personId);

    [Alias("People"), ReadOnly]
    Task<Page<Person>> ListPeopleAsync(int after, int limit);

    /// <summary>Keeps a person's identity and phone numbers, sealed at the edge (the grain never sees them whole); null leaves one as it is.</summary>
    [Alias("SetNumbers")]
    Task<Outcome<Person>> SetNumbersAsync(string personId, SealedNumber? identity, SealedNumber? phone, Actor by);

    /// <summary>Applies a roster spreadsheet's checked rows: each created, updated (never its rung: that is a move) or rejected with the reason.</summary>
    [Alias("Import")]
    Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<RosterRow> rows, Actor by);

    /// <summary>Moves a person up the ladder, one rung or by a named channel; any other move is refused with the reason.</summary>
    [Alias("Move")]
    Task<Outcome<Person>> MoveAsync(string personId, CareerRung to, CareerChannel channel, string approvedBy, Actor by);

    /// <summary>How many moves the street has had on each path of the ladder.</summary>
    [Alias("MoveCounts"), ReadOnly]
    Task<IReadOnlyList<MoveCount>> GetMoveCountsAsync();

    /// <summary>Seconds a person under an approval (approver and approval number) until a date no later than the district's rule allows.</summary>
    [Alias("Second")]
    Task<Outcome<Secondment>> SecondAsync(string personId, string to, string reason, string approver, string approval, DateOnly returnBy, Actor by);

    [Alias("ReturnSecondment")]
    Task<Outcome<Secondment>> ReturnSecondmentAsync(string secondmentId, Actor by);

    [Alias("Secondments"), ReadOnly]
    Task<Page<Secondment>> ListSecondmentsAsync(int after, int limit);

    /// <summary>The secondments still out, overdue first (at most one per person, so bounded by the roster).</summary>
    [Alias("OpenSecondments"), ReadOnly]
    Task<IReadOnlyList<Secondment>> GetOpenSecondmentsAsync();

    [Alias("SecondmentCounts"), ReadOnly]
    Task<SecondmentCounts> GetSecondmentCountsAsync();

    /// <summary>Gives a street-office person a post of the catalogue (null: none); one holder a post.</summary>
    [Alias("AssignPost")]
    Task<Outcome<Person>> AssignPostAsync(string personId, string? post, Actor by);

    /// <summary>Who holds each post, by post code (posts with no holder are absent).</summary>
    [Alias("PostHolders"), ReadOnly]
    Task<IReadOnlyDictionary<string, Person>> GetPostHoldersAsync();

    /// <summary>Rates a party secretary for a period on the district's criteria; the rating is kept with its scores.</summary>
    [Alias("Rate")]
    Task<Outcome<StarRating>> RateAsync(string personId, string period, IReadOnlyDictionary<string, int> points, Actor by);

    [Alias("Ratings"), ReadOnly]
    Task<Page<StarRating>> ListRatingsAsync(int after, int limit);

    /// <summary>The newest ratings, at most <paramref name="limit"/>, oldest of them first.</summary>
    [Alias("LatestRatings"), ReadOnly]
    Task<IReadOnlyList<StarRating>> ListLatestRatingsAsync(int limit);

    /// <summary>The newest enrolments, at most <paramref name="limit"/>, oldest of them first.</summary>
    [Alias("LatestTraining"), ReadOnly]
    Task<IReadOnlyList<TrainingRecord>> ListLatestTrainingAsync(int limit);

    /// <summary>Enrols a person in a tier's course (a newcomer with a mentor from the roster); one open enrolment a tier.</summary>
    [Alias("Enrol")]
    Task<Outcome<TrainingRecord>> EnrolAsync(string personId, TrainingTier tier, string course, string? mentorId, Actor by);

    [Alias("CompleteTraining")]
    Task<Outcome<TrainingRecord>> CompleteTrainingAsync(string trainingId, Actor by);

    [Alias("Training"), ReadOnly]
    Task<Page<TrainingRecord>> ListTrainingAsync(int after, int limit);

    /// <summary>Active people with no training completed within the district's look-back (a year by default).</summary>
    [Alias("Untrained"), ReadOnly]
    Task<IReadOnlyList<Person>> GetUntrainedAsync();

    /// <summary>Active graduates (the 65 recruited) per community code; every community of the street is a key.</summary>
    [Alias("Graduates"), ReadOnly]
    Task<IReadOnlyDictionary<string, int>> GetGraduatesByCommunityAsync();
}
