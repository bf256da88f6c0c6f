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
    /// <summary>审计管理员 — reads and exports the operation and sign-in logs and changes nothing (三员 separation).</summary>
    [JsonStringEnumMemberName("audit-admin")] AuditAdmin,
    /// <summary>安全管理员 — grants roles to accounts, unlocks them, resets second factors, ends sessions (三员 separation).</summary>
    [JsonStringEnumMemberName("security-admin")] SecurityAdmin,
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
        [Role.AuditAdmin] = ("audit-admin", ScopeKind.District),
        [Role.SecurityAdmin] = ("security-admin", ScopeKind.District),
    };

    public static IEnumerable<Role> All => Table.Keys;

    public static string Name(this Role role) => Table[role].Name;

    /// <summary>The only scope kind an identity with this role may hold.</summary>
    public static ScopeKind RequiredScope(this Role role) => Table[role].Scope;

    /// <summary>
    /// The three administrators of 三员 separation (GB/T 22239 §8.1.4.2 d): the system administrator (today's district admin:
    /// accounts of others, configuration, backups), the security administrator and the audit administrator. No account holds two.
    /// </summary>
    public static bool IsAdministrator(this Role role) => role is Role.DistrictAdmin or Role.SecurityAdmin or Role.AuditAdmin;

    /// <summary>
    /// Whether the role reaches only the endpoints marked open to it (<see cref="Places.OpenToRole"/>): the security and audit
    /// administrators hold the district scope for their own work, not to read or change the district's data.
    /// </summary>
    public static bool IsConfined(this Role role) => role is Role.SecurityAdmin or Role.AuditAdmin;

    /// <summary>An account with this role signs in with a second factor: the administrators, and everyone who may approve.</summary>
    public static bool NeedsSecondFactor(this Role role) =>
        role.IsAdministrator() || role is Role.DispatchStaff or Role.StreetOperator or Role.DepartmentStaff;

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
