using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Layout;

/// <summary>物业分级 — who looks after a merged compound (物业服务 + 托底共享 + 业主自治).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PropertyTier>))]
public enum PropertyTier
{
    /// <summary>未分级 — not yet tiered; never a guess.</summary>
    [JsonStringEnumMemberName("untiered")] Untiered,
    /// <summary>物业服务 — a market property company.</summary>
    [JsonStringEnumMemberName("market")] Market,
    /// <summary>托底共享 — the district's fallback company, 洁诚物业.</summary>
    [JsonStringEnumMemberName("fallback")] Fallback,
    /// <summary>业主自治 — owners' self-governance.</summary>
    [JsonStringEnumMemberName("selfGoverned")] SelfGoverned,
}

/// <summary>An approved tier decision as the street shipped it: the tier, who decided, when and why.</summary>
public sealed record TierDecision(string Compound, PropertyTier Tier, string? Company, string Reason, string ApprovedBy, DateOnly ApprovedOn, bool Sample);
