using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Grids.Http;

/// <summary>Who may act on a grid's problems, and as what kind of reporter a caller files one.</summary>
internal static class GridAccess
{
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
        if (caller.Role == Role.StationOperator && caller.Scope.StreetCode == grid.Street.Code)
        {
            return requested is null or "station"
                ? (ProblemSource.Station, caller.Scope.Id[(grid.Street.Code.Length + 1)..], null)
                : (default, null, "a station files problems as the station");
        }
        if (MaxLevel(caller, grid) is null)
            return (default, null, $"your scope {caller.Scope} cannot file problems in grid {grid.Id}");
        if (caller.Role == Role.GridWorker && requested is null or "gridWorker")
            return (ProblemSource.GridWorker, null, null);
        return requested is null or "resident"
            ? (ProblemSource.Resident, null, null)
            : (default, null, $"a {caller.Role.Name()} files problems on behalf of a resident (source 'resident')");
    }
}
