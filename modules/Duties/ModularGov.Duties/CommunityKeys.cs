using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties;

/// <summary>A community's district-wide id, <c>&lt;street&gt;.&lt;community&gt;</c>.</summary>
internal static class CommunityKeys
{
    public static (IStreet? Street, string? Community) Find(IStreetDirectory streets, string communityId)
    {
        var dot = communityId.IndexOf('.');
        if (dot <= 0)
            return (null, null);
        var street = streets.Find(communityId[..dot]);
        var code = communityId[(dot + 1)..];
        return street is not null && street.Profile.Communities.Any(c => c.Code == code) ? (street, code) : (street, null);
    }
}
