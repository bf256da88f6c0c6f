using System.Text.Json.Serialization;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers.Contracts;

/// <summary>
/// A merged compound's current tier, who is responsible for its property problems because of it, and the
/// decision that set it (null for a compound never tiered).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompoundTier(
    [property: Id(0)] string Compound,
    [property: Id(1)] string Name,
    [property: Id(2)] string Community,
    [property: Id(3)] PropertyTier Tier,
    [property: Id(4)] string? Company,
    [property: Id(5)] string Responsible,
    [property: Id(6)] TierDecisionRecord? Decision);

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
public sealed record TierChange(
    [property: Id(0)] string Id,
    [property: Id(1)] string Compound,
    [property: Id(2)] PropertyTier From,
    [property: Id(3)] PropertyTier To,
    [property: Id(4)] string? Company,
    [property: Id(5)] string Reason,
    [property: Id(6)] TierChangeStatus Status,
    [property: Id(7)] Actor RequestedBy,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] Actor? DecidedBy,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] string? DecisionNote);

/// <summary>What a street's tier rule proposes for a compound; a proposal changes nothing.</summary>
[GenerateSerializer, Immutable]
public sealed record TierProposal(
    [property: Id(0)] string Compound,
    [property: Id(1)] string Name,
    [property: Id(2)] PropertyTier Current,
    [property: Id(3)] PropertyTier Proposed,
    [property: Id(4)] string Reason);
