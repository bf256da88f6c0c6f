namespace ModularGov.SharedKernel.Personnel;

/// <summary>
/// 编制 — a street's staffing as approved: basic + quantified + turnover posts (基础编+量化编+周转编). The street office's
/// staff after the reform is <see cref="BasicPosts"/> + <see cref="QuantifiedPosts"/>; <see cref="StaffBefore"/> is the
/// figure before it; <see cref="AddedPosts"/> is this street's share of the district's 减上补下 (posts taken from above and
/// added below).
/// </summary>
public sealed record StaffingPlan(
    int StaffBefore,
    int BasicPosts,
    int QuantifiedPosts,
    int TurnoverPosts,
    int CommunityWorkers,
    int AddedPosts,
    string ApprovedBy,
    DateOnly ApprovedOn,
    bool Sample,
    string Source)
{
    public int StaffAfter => BasicPosts + QuantifiedPosts;
}

/// <summary>
/// A person on the street's roster as its plugin ships it. <see cref="Community"/> is null for the street office's own staff.
/// Identity and phone numbers are never shipped in a plugin: they arrive by import and are kept encrypted.
/// </summary>
public sealed record PersonRecord(
    string Id,
    string Name,
    CareerRung Rung,
    string? Community,
    CommitteeRole Committee,
    string? Post,
    int? GraduateYear,
    bool Sample);

/// <summary>A move up the ladder that is history: who, from which rung (and committee seat) to which, by which channel, when and on whose approval.</summary>
public sealed record CareerMoveRecord(string Person, CareerRung From, CareerRung To, CommitteeRole Committee, CareerChannel Channel, DateOnly On, string ApprovedBy,
    bool Sample);

/// <summary>借调 that is history: where to, why, under whose approval, from when, due back when, and when it came back (null: still out).</summary>
public sealed record SecondmentRecord(string Person, string To, string Reason, string Approver, string Approval, DateOnly From, DateOnly ReturnBy,
    DateOnly? ReturnedOn, bool Sample);

/// <summary>What a street ships for its people: its staffing, its roster, and the moves and secondments it has had.</summary>
public sealed record StreetPersonnel(
    StaffingPlan Staffing,
    IReadOnlyList<PersonRecord> People,
    IReadOnlyList<CareerMoveRecord> Moves,
    IReadOnlyList<SecondmentRecord> Secondments)
{
    public static readonly StreetPersonnel Empty = new(new StaffingPlan(0, 0, 0, 0, 0, 0, "", default, true, ""), [], [], []);
}
