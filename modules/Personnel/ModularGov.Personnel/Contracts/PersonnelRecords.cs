using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;

namespace ModularGov.Personnel.Contracts;

/// <summary>编制 as the district has it now: basic + quantified + turnover posts, and the community workers it pays for.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffingFigures(
    [property: Id(0)] int StaffBefore,
    [property: Id(1)] int BasicPosts,
    [property: Id(2)] int QuantifiedPosts,
    [property: Id(3)] int TurnoverPosts,
    [property: Id(4)] int CommunityWorkers,
    [property: Id(5)] int AddedPosts)
{
    public int StaffAfter => BasicPosts + QuantifiedPosts;
}

/// <summary>
/// A street's staffing for checking: the approved figures, the turnover pool's balance, and who the roster holds against them
/// (the street office's own staff, and community workers).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StaffingView
{
    [Id(0)] public required int StaffBefore { get; init; }
    [Id(1)] public required int StaffAfter { get; init; }
    [Id(2)] public required int BasicPosts { get; init; }
    [Id(3)] public required int QuantifiedPosts { get; init; }
    [Id(4)] public required int TurnoverPosts { get; init; }
    [Id(5)] public required int TurnoverLent { get; init; }
    [Id(6)] public required int TurnoverAvailable { get; init; }
    [Id(7)] public required int CommunityWorkers { get; init; }
    [Id(8)] public required int AddedPosts { get; init; }
    [Id(9)] public required int OfficeStaffOnRoster { get; init; }
    [Id(10)] public required int CommunityWorkersOnRoster { get; init; }
    [Id(11)] public required int Changes { get; init; }
    [Id(12)] public required bool Sample { get; init; }
    [Id(13)] public required string Source { get; init; }
}

/// <summary>A change to a street's staffing: the figures before and after, why, and the approval it rests on. Every change is kept.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffingChange
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required StaffingFigures Before { get; init; }
    [Id(2)] public required StaffingFigures After { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public required string Approval { get; init; }
    [Id(5)] public required DateTimeOffset At { get; init; }
    [Id(6)] public Actor? By { get; init; }
}

/// <summary>周转编 lent out: to whom, how many posts, why, from when and until when, and when they came back (null: still out).</summary>
[GenerateSerializer, Immutable]
public sealed record TurnoverLoan
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string To { get; init; }
    [Id(2)] public required int Posts { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public required DateOnly From { get; init; }
    [Id(5)] public required DateOnly ReturnBy { get; init; }
    [Id(6)] public DateOnly? ReturnedOn { get; init; }
    [Id(7)] public required Actor By { get; init; }
}

/// <summary>One move up the ladder: from which rung (and committee seat) to which, by which channel, when, on whose approval.</summary>
[GenerateSerializer, Immutable]
public sealed record CareerMove
{
    [Id(0)] public required string Person { get; init; }
    [Id(1)] public required CareerRung From { get; init; }
    [Id(2)] public required CareerRung To { get; init; }
    [Id(3)] public required CommitteeRole Committee { get; init; }
    [Id(4)] public required CareerChannel Channel { get; init; }
    [Id(5)] public required DateOnly On { get; init; }
    [Id(6)] public required string ApprovedBy { get; init; }
    [Id(7)] public required bool Sample { get; init; }
    [Id(8)] public Actor? By { get; init; }
}

/// <summary>How many moves a street has had on one path of the ladder (one channel, from one rung to another).</summary>
[GenerateSerializer, Immutable]
public sealed record MoveCount(
    [property: Id(0)] CareerChannel Channel,
    [property: Id(1)] CareerRung From,
    [property: Id(2)] CareerRung To,
    [property: Id(3)] int Count);

/// <summary>
/// A person on a street's roster. <see cref="Id"/> is district-wide (<c>nanshanlu.r0001</c>); <see cref="Community"/> is null
/// for the street office's own staff. Identity and phone numbers are kept sealed (encrypted) with their masks beside them;
/// only the owning street's office opens them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Person
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required CareerRung Rung { get; init; }
    [Id(3)] public string? Community { get; init; }
    [Id(4)] public required CommitteeRole Committee { get; init; }
    [Id(5)] public string? Post { get; init; }
    [Id(6)] public int? GraduateYear { get; init; }
    [Id(7)] public required bool Active { get; init; }
    [Id(8)] public SealedNumber? Identity { get; init; }
    [Id(9)] public SealedNumber? Phone { get; init; }
    [Id(10)] public required IReadOnlyList<CareerMove> Moves { get; init; }
    [Id(11)] public required bool Sample { get; init; }
    /// <summary>The stars of the latest rating (a community or village party secretary's), and the period it rated.</summary>
    [Id(12)] public int? Stars { get; init; }
    [Id(13)] public string? RatedPeriod { get; init; }
    /// <summary>The day the person last completed a training course.</summary>
    [Id(14)] public DateOnly? LastTrainedOn { get; init; }
}

/// <summary>A personal number as it is kept: sealed by the district's field cipher, with the mask lists and exports show.</summary>
[GenerateSerializer, Immutable]
public sealed record SealedNumber([property: Id(0)] string Sealed, [property: Id(1)] string Masked);

/// <summary>借调: where to, why, the approval it rests on, from when, due back when, back when (null: still out).</summary>
[GenerateSerializer, Immutable]
public sealed record Secondment
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Person { get; init; }
    [Id(2)] public required string To { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public required string Approver { get; init; }
    [Id(5)] public required string Approval { get; init; }
    [Id(6)] public required DateOnly From { get; init; }
    [Id(7)] public required DateOnly ReturnBy { get; init; }
    [Id(8)] public DateOnly? ReturnedOn { get; init; }
    [Id(9)] public required bool Sample { get; init; }
    [Id(10)] public Actor? By { get; init; }

    public bool IsOverdue(DateOnly today) => ReturnedOn is null && ReturnBy < today;
}

/// <summary>A street's secondments now: how many are out, how many of those are overdue, and the most that were ever out at once.</summary>
[GenerateSerializer, Immutable]
public sealed record SecondmentCounts([property: Id(0)] int Total, [property: Id(1)] int Out, [property: Id(2)] int Overdue, [property: Id(3)] int PeakOut);
