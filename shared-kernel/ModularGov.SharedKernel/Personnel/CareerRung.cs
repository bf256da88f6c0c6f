using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Personnel;

/// <summary>全链条晋升 — the rungs of the grassroots career ladder, lowest first (微网格长—全科网格员—社区工作者—事业编制人员—公务员).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CareerRung>))]
public enum CareerRung
{
    /// <summary>微网格长</summary>
    [JsonStringEnumMemberName("microGridLead")] MicroGridLead,
    /// <summary>全科网格员</summary>
    [JsonStringEnumMemberName("gridWorker")] GridWorker,
    /// <summary>社区工作者</summary>
    [JsonStringEnumMemberName("communityWorker")] CommunityWorker,
    /// <summary>事业编制人员</summary>
    [JsonStringEnumMemberName("publicInstitution")] PublicInstitution,
    /// <summary>公务员</summary>
    [JsonStringEnumMemberName("civilServant")] CivilServant,
}

/// <summary>A seat on the community's (or village's) committees (两委), which the named channels of the ladder start from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitteeRole>))]
public enum CommitteeRole
{
    [JsonStringEnumMemberName("none")] None,
    /// <summary>党组织书记 (often also 主任: 书记、主任一肩挑) — the one whose work is star-rated.</summary>
    [JsonStringEnumMemberName("secretary")] Secretary,
    /// <summary>居委会 / 村委会主任</summary>
    [JsonStringEnumMemberName("head")] Head,
    /// <summary>两委委员</summary>
    [JsonStringEnumMemberName("member")] Member,
}

/// <summary>How a person moved up: one rung up the ladder, or one of the named channels the seed reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CareerChannel>))]
public enum CareerChannel
{
    /// <summary>晋升 — one rung up.</summary>
    [JsonStringEnumMemberName("step")] Step,
    /// <summary>选聘 — a community committee head (书记 or 主任) selected into a public-institution post.</summary>
    [JsonStringEnumMemberName("selection")] Selection,
    /// <summary>定向考录 — a committee member recruited as a civil servant.</summary>
    [JsonStringEnumMemberName("directedRecruitment")] DirectedRecruitment,
}
