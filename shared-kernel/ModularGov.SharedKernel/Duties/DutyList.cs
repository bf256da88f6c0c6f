using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Duties;

/// <summary>权责清单 item kinds: basic duties, coordinating duties, duties handed back up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DutyKind>))]
public enum DutyKind
{
    /// <summary>基本权责事项</summary>
    [JsonStringEnumMemberName("basic")] Basic,
    /// <summary>配合事项</summary>
    [JsonStringEnumMemberName("coordinating")] Coordinating,
    /// <summary>收回上级事项 — listed so that a department pushing it down again is refused with this reason.</summary>
    [JsonStringEnumMemberName("returned")] Returned,
}

/// <summary>岗位目录 — a post that duties are bound to, and who holds it (定责定岗定人).</summary>
[GenerateSerializer, Immutable]
public sealed record Post([property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] string Holder, [property: Id(3)] bool Sample);

/// <summary>One item of the duty list, bound to a post; <see cref="Category"/> is what tasks are matched on.</summary>
[GenerateSerializer, Immutable]
public sealed record DutyItem(
    [property: Id(0)] string Code,
    [property: Id(1)] DutyKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Category,
    [property: Id(4)] string Post,
    [property: Id(5)] bool Sample);

/// <summary>权责清单 — a street's duty list as approved, "one street, one policy" (一镇(街)一策).</summary>
public sealed record DutyList(int Version, string ApprovedBy, DateOnly ApprovedOn, string LegalBasis, IReadOnlyList<Post> Posts, IReadOnlyList<DutyItem> Items, bool Sample);
