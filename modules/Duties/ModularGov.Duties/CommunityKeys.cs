using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties;

/// <summary>A community's district-wide id, <c>&lt;street&gt;.&lt;community&gt;</c>.</summary>
internal static class CommunityKeys
{
    public static (IStreet? Street, string? Community) Find(IStreetDirectory streets, string communityId)
    {
        if (PlaceIds.Split(communityId) is not { } parts)
            return (null, null);
        var (streetCode, code) = parts;
        var street = streets.Find(streetCode);
        return street?.Profile.Community(code) is not null ? (street, code) : (street, null);
    }
}
