using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Dispatch.Http;

/// <summary>
/// Who takes which step of 接、判、办、评, and who reads a case. A case carries residents' words, so it is read only by
/// those who handle it: the centre, the case's street office, its originating community, and the units assigned to it.
/// </summary>
internal static class DispatchAccess
{
    public static readonly AccessRule<DistrictPlace> Centre =
        new("联合调度中心 (the dispatch centre's working groups or the district admin)", (caller, _) => IsCentre(caller));

    /// <summary>Cases are reported by a community, a street office or the centre (the handler checks the place named).</summary>
    public static readonly AccessRule<DistrictPlace> Reporters =
        new("社区、街道办或联合调度中心 (a community, a street office, or the dispatch centre)",
            (caller, _) => IsCentre(caller) || caller.Role is Role.StreetOperator or Role.CommunityWorker);

    /// <summary>The board: the centre all of it, a department what it is assigned, a street office its street, a community its own.</summary>
    public static readonly AccessRule<DistrictPlace> BoardReaders =
        new("联合调度中心、职能部门、街道办或社区 (the centre, a department, a street office, or a community)",
            (caller, _) => IsCentre(caller) || caller.Role is Role.DepartmentStaff or Role.StreetOperator or Role.CommunityWorker);

    /// <summary>A department's own cases (the board narrowed to its unit).</summary>
    public static readonly AccessRule<DistrictPlace> Department =
        new("职能部门 (a department)", (caller, _) => UnitOf(caller) is not null);

    /// <summary>The cases of a street office's street or a community's own (the board narrowed to them).</summary>
    public static readonly AccessRule<DistrictPlace> Local =
        new("街道办或社区 (a street office or a community)", (caller, _) => caller.Role is Role.StreetOperator or Role.CommunityWorker);

    public static readonly AccessRule<CasePlace> ReadCase =
        new("处理该案件者:调度中心、所在街道办、来源社区或承办部门 (who handles the case)", (caller, place) => CanSee(caller, place.Case));

    public static readonly AccessRule<CasePlace> CentreStep =
        new("联合调度中心 (the dispatch centre's working groups or the district admin)", (caller, _) => IsCentre(caller));

    public static readonly AccessRule<CasePlace> AssignedUnit =
        new("承办该案件的职能部门 (a department assigned to the case)",
            (caller, place) => UnitOf(caller) is { } unit && (place.Case.Lead == unit || place.Case.Assisting.Contains(unit)));

    /// <summary>Only the originating community confirms a case closed and rates it, for the residents.</summary>
    public static readonly AccessRule<CasePlace> OriginatingCommunity =
        new("案件来源社区 (the community the case came from)", (caller, place) => caller.WorksInCommunity(place.Case.Street, place.Case.Community));

    public static bool IsCentre(AccessIdentity caller) => caller.Role is Role.DistrictAdmin or Role.DispatchStaff;

    /// <summary>The unit a department token speaks for, or null.</summary>
    public static string? UnitOf(AccessIdentity caller) => caller.Role == Role.DepartmentStaff ? caller.Scope.Id : null;

    public static bool CanSee(AccessIdentity caller, CaseView view) =>
        IsCentre(caller) || caller.ManagesStreet(view.Street) || caller.WorksInCommunity(view.Street, view.Community)
        || (UnitOf(caller) is { } unit && (view.Lead == unit || view.Assisting.Contains(unit)));
}
