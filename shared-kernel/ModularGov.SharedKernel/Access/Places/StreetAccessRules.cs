namespace ModularGov.SharedKernel.Access.Places;

/// <summary>The rules on a street most modules share.</summary>
public static class StreetAccessRules
{
    /// <summary>A street's own data without residents' words: anyone working in the street, and the district.</summary>
    public static readonly AccessRule<StreetPlace> InStreet =
        new("街道内的令牌或区级 (anyone in the street, or the district)", (caller, street) => caller.CanSeeStreet(street.Code));

    /// <summary>As <see cref="InStreet"/>, and the departments (what they push down or assess concerns every street).</summary>
    public static readonly AccessRule<StreetPlace> InStreetOrDepartments =
        new("街道内的令牌、职能部门或区级 (anyone in the street, a department, or the district)",
            (caller, street) => caller.CanSeeStreet(street.Code) || caller.Role == Role.DepartmentStaff);

    /// <summary>What the street office decides: its operator, or the district admin.</summary>
    public static readonly AccessRule<StreetPlace> Office =
        new("本街道办或区级管理员 (the street office or the district admin)", (caller, street) => caller.ManagesStreet(street.Code));

    /// <summary>What those who handle residents' reports in the street see: its office, and the district.</summary>
    public static readonly AccessRule<StreetPlace> Handlers =
        new("本街道办或区级 (the street office or the district)",
            (caller, street) => caller.Scope.Kind == ScopeKind.District || caller.ManagesStreet(street.Code));
}
