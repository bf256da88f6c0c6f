using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Personnel.Http;

/// <summary>
/// Who may see and change a street's people. The roster is personal data: the street office and the district see it, masked;
/// only the street office that owns the record opens a person's whole numbers. Staffing figures are not personal.
/// </summary>
internal static class PersonnelAccess
{
    /// <summary>编制 is the district's to decide (区委编办): the district admin.</summary>
    public static readonly AccessRule<StreetPlace> DecideStaffing =
        new("区级管理员 (the district admin, for the district's staffing office)", (caller, _) => caller.IsDistrictAdmin);

    public static readonly AccessRule<PersonPlace> SeePerson =
        new("本街道办或区级 (the street office or the district)", (caller, place) => caller.Scope.Kind == ScopeKind.District || caller.ManagesStreet(place.Street.Code));

    public static readonly AccessRule<PersonPlace> ManagePerson =
        new("本街道办或区级管理员 (the street office or the district admin)", (caller, place) => caller.ManagesStreet(place.Street.Code));

    /// <summary>The whole identity and phone numbers: only the office of the street the record belongs to, and each view is audited.</summary>
    public static readonly AccessRule<PersonPlace> OpenNumbers =
        new("仅本街道办 (only the street office that owns the record)", (caller, place) => caller.Role == Role.StreetOperator && caller.Scope.Id == place.Street.Code);
}
