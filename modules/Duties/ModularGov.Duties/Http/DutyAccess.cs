using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Duties.Http;

/// <summary>Who may read and keep duty lists, community registers and ledgers.</summary>
internal static class DutyAccess
{
    /// <summary>基层点单: a change is applied for by the street office or one of its communities.</summary>
    public static readonly AccessRule<StreetPlace> ApplyForChange =
        new("本街道办或其社区 (the street office or one of its communities)",
            (caller, street) => caller.ManagesStreet(street.Code) || (caller.Role == Role.CommunityWorker && caller.Scope.StreetCode == street.Code));

    /// <summary>A task is pushed down by a department (or recorded by the district admin naming the department).</summary>
    public static readonly AccessRule<StreetPlace> PushTask =
        new("职能部门或区级管理员 (a department, or the district admin naming one)", (caller, _) => caller.Role is Role.DepartmentStaff or Role.DistrictAdmin);

    /// <summary>部门评估: departments assess (the duty list checks the change is addressed to the caller's department).</summary>
    public static readonly AccessRule<DutyChangePlace> Assess =
        new("变更所请评估的职能部门 (the department the change is addressed to)", (caller, _) => caller.Role == Role.DepartmentStaff);

    /// <summary>依法赋权: the district approves, with the legal basis, or rejects, saying why.</summary>
    public static readonly AccessRule<DutyChangePlace> Decide =
        new("区级管理员 (the district admin)", (caller, _) => caller.IsDistrictAdmin);

    /// <summary>The community's registers and ledgers: its workers, its street office and the district admin keep them.</summary>
    public static readonly AccessRule<CommunityPlace> KeepCommunity =
        new("本社区工作者、街道办或区级管理员 (the community's workers, its street office, or the district admin)", Keeps);

    /// <summary>As <see cref="KeepCommunity"/>, and departments: they hang plaques and send forms to communities too.</summary>
    public static readonly AccessRule<CommunityPlace> KeepCommunityOrDepartments =
        new("本社区工作者、街道办、职能部门或区级管理员 (the community's workers, its street office, a department, or the district admin)",
            (caller, place) => Keeps(caller, place) || caller.Role == Role.DepartmentStaff);

    private static bool Keeps(AccessIdentity caller, CommunityPlace place) =>
        caller.ManagesStreet(place.Street.Code) || caller.WorksInCommunity(place.Street.Code, place.Community.Code);

    /// <summary>The department a caller acts for: its own scope for department staff; the one named, for the district.</summary>
    public static string? DepartmentOf(AccessIdentity caller, string? named) =>
        caller.Role == Role.DepartmentStaff ? caller.Scope.Id : caller.Role == Role.DistrictAdmin ? named : null;

    /// <summary>
    /// The body a plaque is hung or taken down by (谁悬挂谁清理), from the caller's token, never typed in: a department's
    /// id, <c>street</c> for the street office, <c>community</c> for its workers, <c>district</c> for the district admin.
    /// </summary>
    public static string PlaqueBodyOf(AccessIdentity caller) => caller.Role switch
    {
        Role.DepartmentStaff => caller.Scope.Id,
        Role.StreetOperator => "street",
        Role.CommunityWorker => "community",
        _ => "district",
    };
}
