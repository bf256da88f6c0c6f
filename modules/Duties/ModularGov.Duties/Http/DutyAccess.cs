using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Http;

internal static class DutyAccess
{
    /// <summary>A duty list is a public commitment: anyone inside the street, the district and every department may read it.</summary>
    public static ProblemHttpResult? SeeStreet(AccessIdentity caller, IStreetDirectory streets, string code, bool departmentsToo = false) =>
        StreetAccess.Refusal(caller, streets, code, departmentsToo);

    /// <summary>The community's workers, its street office and the district keep its registers and ledgers.</summary>
    public static ProblemHttpResult? KeepCommunity(AccessIdentity caller, IStreetDirectory streets, string communityId, bool departmentsToo = false)
    {
        var street = communityId.Split('.')[0];
        if (!caller.CanSeeStreet(street) && !(departmentsToo && caller.Role == Role.DepartmentStaff))
            return ApiProblems.Forbidden($"Your scope {caller.Scope} does not include '{communityId}'.");
        var (found, community) = CommunityKeys.Find(streets, communityId);
        if (found is null || community is null)
            return ApiProblems.NotFound("社区", communityId);
        var keeps = caller.ManagesStreet(street) || caller.WorksInCommunity(street, community) || (departmentsToo && caller.Role == Role.DepartmentStaff);
        return keeps ? null : ApiProblems.Forbidden($"only {communityId}'s workers or its street office keep this record");
    }

    /// <summary>The department a caller acts for: its own scope for department staff; the one named, for the district.</summary>
    public static string? DepartmentOf(AccessIdentity caller, string? named) =>
        caller.Role == Role.DepartmentStaff ? caller.Scope.Id : caller.Role == Role.DistrictAdmin ? named : null;
}
