namespace ModularGov.SharedKernel.Streets;

/// <summary>
/// 街道概况 — a street's (or town's) profile as its plugin ships it.
/// <see cref="Sample"/> is true when any figure here is made-up sample data rather than a figure from the
/// seed report; <see cref="Source"/> says where the figures come from.
/// </summary>
public sealed record StreetProfile(
    string Code,
    string Name,
    StreetKind Kind,
    decimal AreaKm2,
    int Households,
    int Residents,
    int ResidentUnits,
    IReadOnlyList<CommunityProfile> Communities,
    bool Sample,
    string Source)
{
    /// <summary>The community or village with this code, or null.</summary>
    public CommunityProfile? Community(string code) => Communities.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// 社区 / 村 — a community or village of a street. <see cref="Code"/> is unique within the street; the
/// district-wide id is <c>&lt;street&gt;.&lt;code&gt;</c>. <see cref="Sample"/> marks made-up figures (or a
/// made-up name); <see cref="Note"/> says which parts come from the seed report.
/// </summary>
public sealed record CommunityProfile(
    string Code,
    string Name,
    CommunityKind Kind,
    int Households,
    int Residents,
    bool Sample,
    string? Note = null);
