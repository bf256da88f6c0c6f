using System.Text.Json.Serialization;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers.Contracts;

/// <summary>
/// A merged compound's current tier, who is responsible for its property problems because of it, and the
/// decision that set it (null for a compound never tiered).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompoundTier
{
    [Id(0)] public required string Compound { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Community { get; init; }
    [Id(3)] public required PropertyTier Tier { get; init; }
    [Id(4)] public string? Company { get; init; }
    [Id(5)] public required string Responsible { get; init; }
    [Id(6)] public TierDecisionRecord? Decision { get; init; }
}

/// <summary>The decision behind a tier: why, who, when; <see cref="Change"/> names the approved change, or is null for a shipped decision.</summary>
[GenerateSerializer, Immutable]
public sealed record TierDecisionRecord(
    [property: Id(0)] string Reason,
    [property: Id(1)] string DecidedBy,
    [property: Id(2)] DateTimeOffset DecidedAt,
    [property: Id(3)] string? Change);

/// <summary>Tier counts of a street's merged compounds.</summary>
[GenerateSerializer, Immutable]
public sealed record TierCounts(
    [property: Id(0)] int Market,
    [property: Id(1)] int Fallback,
    [property: Id(2)] int SelfGoverned,
    [property: Id(3)] int Untiered);

[JsonConverter(typeof(JsonStringEnumConverter<TierChangeStatus>))]
public enum TierChangeStatus
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>A request to change a compound's tier: recorded with its reason; it changes the tier only once approved.</summary>
[GenerateSerializer, Immutable]
public sealed record TierChange
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Compound { get; init; }
    [Id(2)] public required PropertyTier From { get; init; }
    [Id(3)] public required PropertyTier To { get; init; }
    [Id(4)] public string? Company { get; init; }
    [Id(5)] public required string Reason { get; init; }
    [Id(6)] public required TierChangeStatus Status { get; init; }
    [Id(7)] public required Actor RequestedBy { get; init; }
    [Id(8)] public required DateTimeOffset RequestedAt { get; init; }
    [Id(9)] public Actor? DecidedBy { get; init; }
    [Id(10)] public DateTimeOffset? DecidedAt { get; init; }
    [Id(11)] public string? DecisionNote { get; init; }
}

/// <summary>What a street's tier rule proposes for a compound; a proposal changes nothing.</summary>
[GenerateSerializer, Immutable]
public sealed record TierProposal(
    [property: Id(0)] string Compound,
    [property: Id(1)] string Name,
    [property: Id(2)] PropertyTier Current,
    [property: Id(3)] PropertyTier Proposed,
    [property: Id(4)] string Reason);
