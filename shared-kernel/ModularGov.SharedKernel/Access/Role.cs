using System.Text.Json.Serialization;

namespace ModularGov.SharedKernel.Access;

/// <summary>What an identity may do. Each role goes with exactly one <see cref="ScopeKind"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    /// <summary>区级管理员 — district IT: everything, tokens, the dashboard.</summary>
    [JsonStringEnumMemberName("district-admin")] DistrictAdmin,
    /// <summary>市区联合调度中心 — staff of the joint dispatch centre's working groups (district-wide).</summary>
    [JsonStringEnumMemberName("dispatch-staff")] DispatchStaff,
    /// <summary>街道办 / 镇政府 — a street office's operator.</summary>
    [JsonStringEnumMemberName("street-operator")] StreetOperator,
    /// <summary>社区工作者 — a community (or village) committee worker.</summary>
    [JsonStringEnumMemberName("community-worker")] CommunityWorker,
    /// <summary>全科网格员 / 微网格长 — a grid worker or micro-grid lead.</summary>
    [JsonStringEnumMemberName("grid-worker")] GridWorker,
    /// <summary>职能部门 — a city or district department.</summary>
    [JsonStringEnumMemberName("department-staff")] DepartmentStaff,
    /// <summary>微蜂驿站 / 红骑驿站 / 小南帮办 — a volunteer or courier station.</summary>
    [JsonStringEnumMemberName("station-operator")] StationOperator,
    /// <summary>驻区单位 — a resident unit registered with a community.</summary>
    [JsonStringEnumMemberName("resident-unit")] ResidentUnit,
}

public static class Roles
{
    private static readonly Dictionary<Role, (string Name, ScopeKind Scope)> Table = new()
    {
        [Role.DistrictAdmin] = ("district-admin", ScopeKind.District),
        [Role.DispatchStaff] = ("dispatch-staff", ScopeKind.District),
        [Role.StreetOperator] = ("street-operator", ScopeKind.Street),
        [Role.CommunityWorker] = ("community-worker", ScopeKind.Community),
        [Role.GridWorker] = ("grid-worker", ScopeKind.Grid),
        [Role.DepartmentStaff] = ("department-staff", ScopeKind.Department),
        [Role.StationOperator] = ("station-operator", ScopeKind.Station),
        [Role.ResidentUnit] = ("resident-unit", ScopeKind.ResidentUnit),
    };

    public static IEnumerable<Role> All => Table.Keys;

    public static string Name(this Role role) => Table[role].Name;

    /// <summary>The only scope kind an identity with this role may hold.</summary>
    public static ScopeKind RequiredScope(this Role role) => Table[role].Scope;

    public static bool TryParse(string text, out Role role)
    {
        foreach (var (candidate, entry) in Table)
        {
            if (entry.Name == text)
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
