namespace ModularGov.Personnel;

/// <summary>The length limits of what the Personnel module accepts, checked at the edge (a clear 400) and again in the grain.</summary>
internal static class PersonnelLimits
{
    public const int Name = 40;
    public const int Reason = 500;
    public const int Approval = 100;
    public const int Unit = 100;
    /// <summary>Codes and ids: a post, a criterion, a period, a person.</summary>
    public const int Code = 32;
    /// <summary>The people a street's roster may hold, far above any street's staffing, so a runaway import cannot grow it without bound.</summary>
    public const int Roster = 5_000;
}
