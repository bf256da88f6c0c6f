namespace ModularGov.SharedKernel.Layout;

/// <summary>
/// A volunteer or courier station (微蜂驿站, 红骑驿站, 小南帮办 …) that reports problems it sees. Its
/// <see cref="History"/> is what it reported before this system, from the street's own records.
/// </summary>
public sealed record StationRecord(string Code, string Name, string Kind, string Community, StationHistory? History, bool Sample);

/// <summary>Problems a station reported and saw resolved before this system; <see cref="Source"/> says where the figures come from.</summary>
public sealed record StationHistory(int Reported, int Resolved, string Source);
