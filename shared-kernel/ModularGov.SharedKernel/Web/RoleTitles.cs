using ModularGov.SharedKernel.Access;

namespace ModularGov.SharedKernel.Web;

/// <summary>The roles as the console names them to people.</summary>
public static class RoleTitles
{
    public static string Chinese(this Role role) => role switch
    {
        Role.DistrictAdmin => "系统管理员",
        Role.DispatchStaff => "调度中心",
        Role.StreetOperator => "街道办",
        Role.CommunityWorker => "社区工作者",
        Role.GridWorker => "网格员",
        Role.DepartmentStaff => "职能部门",
        Role.StationOperator => "驿站",
        Role.ResidentUnit => "驻区单位",
        Role.AuditAdmin => "审计管理员",
        Role.SecurityAdmin => "安全管理员",
        _ => role.Name(),
    };
}
