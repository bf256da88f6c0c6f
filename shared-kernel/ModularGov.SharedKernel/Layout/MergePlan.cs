namespace ModularGov.SharedKernel.Layout;

/// <summary>合并小区 — the street's approved plan for merging original compounds into larger ones.</summary>
public sealed record MergePlan(string ApprovedBy, DateOnly ApprovedOn, IReadOnlyList<MergedCompound> Compounds, bool Sample);

/// <summary>A merged compound: the unit grids are drawn over and property tiers are given to.</summary>
public sealed record MergedCompound(string Code, string Name, string Community, IReadOnlyList<string> Members);
