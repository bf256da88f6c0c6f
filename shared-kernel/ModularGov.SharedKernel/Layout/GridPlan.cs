namespace ModularGov.SharedKernel.Layout;

/// <summary>网格划分 — the street's approved grid plan, drawn over its merged compounds.</summary>
public sealed record GridPlan(string ApprovedBy, DateOnly ApprovedOn, IReadOnlyList<GridRecord> Grids, bool Sample);

/// <summary>
/// 网格 — one grid: the households it covers, as parts of merged compounds (a large compound is split
/// across grids, small neighbours share one), its 全科网格员 and its 微网格长.
/// </summary>
public sealed record GridRecord(
    string Code,
    string Name,
    string Community,
    IReadOnlyList<GridPart> Parts,
    GridPerson Worker,
    IReadOnlyList<GridPerson> MicroGridLeads);

/// <summary>The share of one merged compound that a grid covers.</summary>
public sealed record GridPart(string Compound, int Households, int Residents);

/// <summary>全科网格员 or 微网格长; <see cref="Sample"/> marks a made-up person.</summary>
public sealed record GridPerson(string Name, bool Sample);
