using System.Text.Json.Serialization;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;

namespace ModularGov.Duties.Contracts;

/// <summary>One version of a street's duty list (every version is kept).</summary>
[GenerateSerializer, Immutable]
public sealed record DutyListVersion
{
    [Id(0)] public required int Version { get; init; }
    [Id(1)] public required string ApprovedBy { get; init; }
    [Id(2)] public required DateTimeOffset ApprovedAt { get; init; }
    [Id(3)] public required string LegalBasis { get; init; }
    [Id(4)] public string? Change { get; init; }
    [Id(5)] public required IReadOnlyList<Post> Posts { get; init; }
    [Id(6)] public required IReadOnlyList<DutyItem> Items { get; init; }
}

/// <summary>What changed between two versions of a list.</summary>
[GenerateSerializer, Immutable]
public sealed record DutyListDiff(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] IReadOnlyList<DutyItem> Added,
    [property: Id(3)] IReadOnlyList<DutyItem> Removed,
    [property: Id(4)] IReadOnlyList<DutyItem> Changed);

/// <summary>A task a department pushed down, and the admission decision (清单之外无事项), kept whether admitted or refused.</summary>
[GenerateSerializer, Immutable]
public sealed record AdmissionRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Department { get; init; }
    [Id(2)] public string? Community { get; init; }
    [Id(3)] public required string Title { get; init; }
    [Id(4)] public string? Category { get; init; }
    [Id(5)] public required bool Admitted { get; init; }
    [Id(6)] public string? Item { get; init; }
    [Id(7)] public string? AssignedTo { get; init; }
    [Id(8)] public required string Reason { get; init; }
    [Id(9)] public required int ListVersion { get; init; }
    [Id(10)] public required Actor By { get; init; }
    [Id(11)] public required DateTimeOffset At { get; init; }
}

/// <summary>How many tasks one department pushed down to a street, and how many of them were refused.</summary>
[GenerateSerializer, Immutable]
public sealed record DepartmentTasks([property: Id(0)] string Department, [property: Id(1)] int Refused, [property: Id(2)] int Admitted);

[JsonConverter(typeof(JsonStringEnumConverter<ChangeAction>))]
public enum ChangeAction
{
    [JsonStringEnumMemberName("add")] Add,
    [JsonStringEnumMemberName("remove")] Remove,
    [JsonStringEnumMemberName("modify")] Modify,
}

[JsonConverter(typeof(JsonStringEnumConverter<ChangeStatus>))]
public enum ChangeStatus
{
    /// <summary>基层点单 — applied for by the community or street.</summary>
    [JsonStringEnumMemberName("applied")] Applied,
    /// <summary>部门评估 — assessed by the department concerned.</summary>
    [JsonStringEnumMemberName("assessed")] Assessed,
    /// <summary>依法赋权 — approved with its legal basis; a new version of the list exists.</summary>
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>准入退出动态调整: a change to the list, through application, assessment (by the department it names) and approval.</summary>
[GenerateSerializer, Immutable]
public sealed record DutyChange
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ChangeAction Action { get; init; }
    [Id(2)] public required DutyItem Item { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public required ChangeStatus Status { get; init; }
    [Id(5)] public required Actor AppliedBy { get; init; }
    [Id(6)] public required DateTimeOffset AppliedAt { get; init; }
    /// <summary>The department asked to assess the change (部门评估); only a token of that department assesses it.</summary>
    [Id(12)] public required string Assessor { get; init; }
    [Id(7)] public string? Assessment { get; init; }
    [Id(8)] public Actor? AssessedBy { get; init; }
    [Id(9)] public string? LegalBasis { get; init; }
    [Id(10)] public Actor? DecidedBy { get; init; }
    [Id(11)] public int? NewVersion { get; init; }
    /// <summary>Why the district refused the change after its assessment (null unless it did).</summary>
    [Id(13)] public string? Rejection { get; init; }
}

/// <summary>属地责任事项协议备案: who answers first for a shared duty, and who second.</summary>
[GenerateSerializer, Immutable]
public sealed record TerritorialAgreement
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Department { get; init; }
    [Id(2)] public required string Item { get; init; }
    [Id(3)] public required string Primary { get; init; }
    [Id(4)] public required string Secondary { get; init; }
    [Id(5)] public required Actor FiledBy { get; init; }
    [Id(6)] public required DateTimeOffset FiledAt { get; init; }
}
