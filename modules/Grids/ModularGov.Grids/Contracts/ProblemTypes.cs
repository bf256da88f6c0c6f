using System.Text.Json.Serialization;

namespace ModularGov.Grids.Contracts;

/// <summary>What a reported problem (上报事项) is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemCategory>))]
public enum ProblemCategory
{
    /// <summary>环境卫生</summary>
    [JsonStringEnumMemberName("environment")] Environment,
    /// <summary>市政设施 (roads, lights, drains)</summary>
    [JsonStringEnumMemberName("facilities")] Facilities,
    /// <summary>物业管理: routed by the compound's property tier</summary>
    [JsonStringEnumMemberName("property")] Property,
    /// <summary>水电气暖 (water, power, gas, heating)</summary>
    [JsonStringEnumMemberName("utilities")] Utilities,
    /// <summary>安全隐患</summary>
    [JsonStringEnumMemberName("safety")] Safety,
    /// <summary>矛盾纠纷</summary>
    [JsonStringEnumMemberName("dispute")] Dispute,
    /// <summary>违章建设</summary>
    [JsonStringEnumMemberName("construction")] Construction,
    /// <summary>其他</summary>
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>The categories as people read them, for every module that shows a problem or a case.</summary>
public static class ProblemCategories
{
    public static string Chinese(this ProblemCategory category) => category switch
    {
        ProblemCategory.Environment => "环境卫生",
        ProblemCategory.Facilities => "市政设施",
        ProblemCategory.Property => "物业管理",
        ProblemCategory.Utilities => "水电气暖",
        ProblemCategory.Safety => "安全隐患",
        ProblemCategory.Dispute => "矛盾纠纷",
        ProblemCategory.Construction => "违章建设",
        _ => "其他",
    };
}

/// <summary>Where a problem is in its life: filed → accepted → in progress → resolved, or escalated one level up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemStatus>))]
public enum ProblemStatus
{
    [JsonStringEnumMemberName("filed")] Filed,
    [JsonStringEnumMemberName("accepted")] Accepted,
    [JsonStringEnumMemberName("inProgress")] InProgress,
    [JsonStringEnumMemberName("resolved")] Resolved,
    /// <summary>Handed one level up and not yet accepted there.</summary>
    [JsonStringEnumMemberName("escalated")] Escalated,
}

/// <summary>Who handles the problem now: grid → community → street → the joint dispatch centre (市区联合调度中心).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemLevel>))]
public enum ProblemLevel
{
    [JsonStringEnumMemberName("grid")] Grid,
    [JsonStringEnumMemberName("community")] Community,
    [JsonStringEnumMemberName("street")] Street,
    [JsonStringEnumMemberName("dispatchCentre")] DispatchCentre,
}

/// <summary>Who filed it: a grid worker, a resident (through a worker or the counter), or a station.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemSource>))]
public enum ProblemSource
{
    [JsonStringEnumMemberName("gridWorker")] GridWorker,
    [JsonStringEnumMemberName("resident")] Resident,
    [JsonStringEnumMemberName("station")] Station,
}
