using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Http;

/// <summary>Who sees and does what at the centre: its staff everything, a street its street's cases, a department the cases it is assigned.</summary>
internal static class DispatchAccess
{
    public static bool IsCentre(AccessIdentity caller) => caller.Role is Role.DistrictAdmin or Role.DispatchStaff;

    /// <summary>The unit a department token speaks for, or null.</summary>
    public static string? UnitOf(AccessIdentity caller) => caller.Role == Role.DepartmentStaff ? caller.Scope.Id : null;

    public static bool CanSee(AccessIdentity caller, string street, string? lead, IReadOnlyList<string> assisting) =>
        IsCentre(caller) || caller.CanSeeStreet(street) || (UnitOf(caller) is { } unit && (lead == unit || assisting.Contains(unit)));

    public static bool CanSee(AccessIdentity caller, CaseView view) => CanSee(caller, view.Street, view.Lead, view.Assisting);

    public static bool CanSee(AccessIdentity caller, CaseIndexEntry entry) => CanSee(caller, entry.Street, entry.Lead, entry.Assisting);
}
