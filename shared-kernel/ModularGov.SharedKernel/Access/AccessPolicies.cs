namespace ModularGov.SharedKernel.Access;

/// <summary>Names of the host's authorization policies, for endpoints to require.</summary>
public static class AccessPolicies
{
    /// <summary>Only a district-admin token.</summary>
    public const string DistrictAdmin = "district-admin";
}
