using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Grids.Http;

/// <summary>Who may act on a grid's problems, and as what kind of reporter a caller files one.</summary>
internal static class GridAccess
{
    public static readonly AccessRule<GridPlace> SeeGrid =
        new("街道内的令牌或区级 (anyone in the street, or the district)", (caller, place) => caller.CanSeeStreet(place.Grid.Street.Code));

    public static readonly AccessRule<GridPlace> HandleGrid =
        new("处理本网格事项的网格员、社区、街道办或区级管理员 (who handles the grid's problems)", (caller, place) => MaxLevel(caller, place.Grid) is not null);

    /// <summary>Filing and reading a grid's problems: who handles them, and the street's stations (their own reports only).</summary>
    public static readonly AccessRule<GridPlace> ReportInGrid =
        new("处理本网格事项者、区级或本街道的驿站 (who handles the grid's problems, the district, or a station of the street)",
            (caller, place) => ReadsAll(caller, place.Grid) || StationOf(caller, place.Grid) is not null);

    public static readonly AccessRule<ProblemPlace> ReadProblem =
        new("处理该事项者、区级或上报它的驿站 (who handles the problem, the district, or the station that reported it)",
            (caller, place) => ReadsAll(caller, place.Grid) || (StationOf(caller, place.Grid) is { } station && place.Problem.Station == station));

    public static readonly AccessRule<ProblemPlace> HandleProblem =
        new("处理该事项的网格员、社区、街道办或区级管理员 (who handles the problem)", (caller, place) => MaxLevel(caller, place.Grid) is not null);

    /// <summary>Whether the caller reads every problem of the grid, residents' words included: who handles them, and the district.</summary>
    public static bool ReadsAll(AccessIdentity caller, GridInfo grid) => MaxLevel(caller, grid) is not null || caller.Scope.Kind == ScopeKind.District;

    /// <summary>The station (its code within the street) a station operator's token speaks for in this grid's street, or null.</summary>
    public static string? StationOf(AccessIdentity caller, GridInfo grid) =>
        caller.Role == Role.StationOperator && caller.Scope.StreetCode == grid.Street.Code ? caller.Scope.Id[(grid.Street.Code.Length + 1)..] : null;

    /// <summary>The highest level the caller handles problems at in this grid, or null if they handle none there.</summary>
    public static ProblemLevel? MaxLevel(AccessIdentity caller, GridInfo grid) => caller.Role switch
    {
        Role.DistrictAdmin => ProblemLevel.DispatchCentre,
        Role.StreetOperator when caller.ManagesStreet(grid.Street.Code) => ProblemLevel.Street,
        Role.CommunityWorker when caller.WorksInCommunity(grid.Street.Code, grid.Record.Community) => ProblemLevel.Community,
        Role.GridWorker when caller.Scope.Id == grid.Id => ProblemLevel.Grid,
        _ => null,
    };

    /// <summary>
    /// The source a filed problem is recorded under: a grid worker files as themself (or for a resident), a station
    /// as the station, the community, street and district on behalf of a resident. Null with a reason when the caller may not file here.
    /// </summary>
    public static (ProblemSource Source, string? Station, string? Error) SourceFor(AccessIdentity caller, GridInfo grid, string? requested)
    {
        if (StationOf(caller, grid) is { } station)
            return requested is null or "station" ? (ProblemSource.Station, station, null) : (default, null, "a station files problems as the station");
        if (MaxLevel(caller, grid) is null)
            return (default, null, $"your scope {caller.Scope} cannot file problems in grid {grid.Id}");
        if (caller.Role == Role.GridWorker && requested is null or "gridWorker")
            return (ProblemSource.GridWorker, null, null);
        return requested is null or "resident"
            ? (ProblemSource.Resident, null, null)
            : (default, null, $"a {caller.Role.Name()} files problems on behalf of a resident (source 'resident')");
    }
}
