using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Streets;

/// <summary>The level below the district: 街道 (sub-district) or 镇 (town).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StreetKind>))]
public enum StreetKind
{
    [JsonStringEnumMemberName("街道")] Subdistrict,
    [JsonStringEnumMemberName("镇")] Town,
}

/// <summary>The level below a street: 社区 (urban community) or 村 (village).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommunityKind>))]
public enum CommunityKind
{
    [JsonStringEnumMemberName("社区")] Community,
    [JsonStringEnumMemberName("村")] Village,
}

public static class StreetKindNames
{
    public static string ToChinese(this StreetKind kind) => kind == StreetKind.Town ? "镇" : "街道";

    public static StreetKind? FromChinese(string kind) => kind switch
    {
        "街道" => StreetKind.Subdistrict,
        "镇" => StreetKind.Town,
        _ => null,
    };
}
