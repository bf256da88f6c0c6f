using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Access.Accounts;

/// <summary>Who manages accounts (三员): the system administrator their existence, the security administrator their grants and locks.</summary>
internal static class AccountAccessRules
{
    public static readonly AccessRule<DistrictPlace> Person =
        new("已登录的个人账户 (a person signed in; tokens have no account)", (caller, _) => caller.Account is not null);

    public static readonly AccessRule<DistrictPlace> SystemAdmin =
        new("系统管理员 (the system administrator: district-admin)", (caller, _) => caller.Role == Role.DistrictAdmin);

    public static readonly AccessRule<DistrictPlace> SecurityAdmin =
        new("安全管理员 (the security administrator)", (caller, _) => caller.Role == Role.SecurityAdmin);

    public static readonly AccessRule<DistrictPlace> AccountAdmins =
        new("系统管理员或安全管理员 (the system or the security administrator)", (caller, _) => caller.Role is Role.DistrictAdmin or Role.SecurityAdmin);
}
