using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.SharedKernel.Http;

public static class StreetAccess
{
    /// <summary>
    /// Null when the caller may see the street's data and the street exists; else the refusal. A caller outside the
    /// street gets 403 whether or not it exists (nothing about another street leaks); the district gets 404.
    /// </summary>
    public static ProblemHttpResult? Refusal(AccessIdentity caller, IStreetDirectory streets, string code, bool departmentsToo = false)
    {
        if (!caller.CanSeeStreet(code) && !(departmentsToo && caller.Role == Role.DepartmentStaff))
            return ApiProblems.Forbidden($"Your scope {caller.Scope} does not include street '{code}'.");
        return streets.Find(code) is null ? ApiProblems.NotFound("街道", code) : null;
    }

    /// <summary>The served street a record's id (<c>&lt;street&gt;.&lt;local id&gt;</c>) names, or null: such an id is unknown (404).</summary>
    public static string? ServedStreetOf(IStreetDirectory streets, string recordId) =>
        PlaceIds.Split(recordId) is { } parts && streets.Find(parts.Street) is not null ? parts.Street : null;
}
