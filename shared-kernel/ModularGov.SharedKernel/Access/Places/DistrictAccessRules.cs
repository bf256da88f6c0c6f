namespace ModularGov.SharedKernel.Access.Places;

/// <summary>The rules on district-wide routes most modules share.</summary>
public static class DistrictAccessRules
{
    /// <summary>Reference data every token may read (the certificate list, the streets a scope includes).</summary>
    public static readonly AccessRule<DistrictPlace> AnyToken = new("任何有效令牌 (any valid token)", (_, _) => true);

    public static readonly AccessRule<DistrictPlace> DistrictAdmin = new("区级管理员 (the district admin)", (caller, _) => caller.IsDistrictAdmin);
}
