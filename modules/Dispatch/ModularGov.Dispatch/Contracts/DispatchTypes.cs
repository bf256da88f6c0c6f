using System.Text.Json.Serialization;

namespace ModularGov.Dispatch.Contracts;

/// <summary>Where a case came from (接): an escalated grid problem, a community or street directly, or the 12345 hotline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseSource>))]
public enum CaseSource
{
    [JsonStringEnumMemberName("escalation")] Escalation,
    [JsonStringEnumMemberName("community")] Community,
    [JsonStringEnumMemberName("street")] Street,
    [JsonStringEnumMemberName("hotline")] Hotline,
}

/// <summary>接、判、办、评: received → verified → assigned → handling → closed (the community confirmed) → evaluated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStep>))]
public enum CaseStep
{
    [JsonStringEnumMemberName("received")] Received,
    [JsonStringEnumMemberName("verified")] Verified,
    [JsonStringEnumMemberName("assigned")] Assigned,
    [JsonStringEnumMemberName("handling")] Handling,
    [JsonStringEnumMemberName("closed")] Closed,
    [JsonStringEnumMemberName("evaluated")] Evaluated,
}

/// <summary>How fast a case must close: 2 hours, 24 hours (water/power/gas/heating), 7 or 15 working days (configurable).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    [JsonStringEnumMemberName("emergency")] Emergency,
    [JsonStringEnumMemberName("utilities")] Utilities,
    [JsonStringEnumMemberName("ordinary")] Ordinary,
    [JsonStringEnumMemberName("complex")] Complex,
}

/// <summary>三级会商研判: the working group, then the centre's leadership, then the conveners (总召集人).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliberationLevel>))]
public enum DeliberationLevel
{
    [JsonStringEnumMemberName("workingGroup")] WorkingGroup = 1,
    [JsonStringEnumMemberName("centreLeadership")] CentreLeadership = 2,
    [JsonStringEnumMemberName("conveners")] Conveners = 3,
}

/// <summary>用: the ladder for a unit at the bottom of a month's ranking, by how often it has happened that year.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SanctionLevel>))]
public enum SanctionLevel
{
    /// <summary>通报 — public notice.</summary>
    [JsonStringEnumMemberName("notice")] Notice = 1,
    /// <summary>约谈 — formal interview.</summary>
    [JsonStringEnumMemberName("interview")] Interview = 2,
    /// <summary>冻结人事并启动不担当不作为调查 — personnel actions frozen and an inquiry into inaction opened.</summary>
    [JsonStringEnumMemberName("freezeAndInquiry")] FreezeAndInquiry = 3,
}
