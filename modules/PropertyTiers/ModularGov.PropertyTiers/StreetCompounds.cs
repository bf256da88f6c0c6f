using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.PropertyTiers;

/// <summary>Looks up a street's merged compounds by their district-wide id (<c>&lt;street&gt;.&lt;code&gt;</c>).</summary>
internal static class StreetCompounds
{
    public static (IStreet? Street, MergedCompound? Compound) Find(IStreetDirectory streets, string compoundId)
    {
        if (PlaceIds.Split(compoundId) is not { } parts)
            return (null, null);
        var (streetCode, code) = parts;
        var street = streets.Find(streetCode);
        return (street, street?.Layout.MergePlan.Compounds.FirstOrDefault(c => c.Code == code));
    }

    public static string CommunityName(IStreet street, string community) =>
        street.Profile.Community(community)?.Name ?? community;
}
