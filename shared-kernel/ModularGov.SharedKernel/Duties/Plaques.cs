using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Duties;

/// <summary>清牌: a sign (标牌) or a marker (标识).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlaqueKind>))]
public enum PlaqueKind
{
    [JsonStringEnumMemberName("sign")] Sign,
    [JsonStringEnumMemberName("marker")] Marker,
}

/// <summary>A plaque a community carries or carried: who hung it (and so takes it down: 谁悬挂谁清理), when, and its removal.</summary>
public sealed record PlaqueRecord(string Code, string Community, PlaqueKind Kind, string Title, string HungBy, DateOnly HungOn,
    DateOnly? RemovedOn, string? Campaign, bool Sample);

/// <summary>
/// 文会督检考 before the burden was cut, per community (the "before" of the burden report): meetings a week,
/// forms a month, inspections a month, accompanying duties a month.
/// </summary>
public sealed record BurdenBaseline(string Community, double MeetingsPerWeek, int FormsPerMonth, int InspectionsPerMonth, int AccompanyingPerMonth, string Source, bool Sample);

/// <summary>What a street ships for clear duties and less burden: its duty list, its plaques, and its burden before.</summary>
public sealed record StreetDuties(DutyList List, IReadOnlyList<PlaqueRecord> Plaques, IReadOnlyList<BurdenBaseline> Baseline)
{
    public static readonly StreetDuties Empty = new(new DutyList(0, "", default, "", [], [], true), [], []);
}
