using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.PropertyTiers;

/// <summary>Looks up a street's merged compounds by their district-wide id (<c>&lt;street&gt;.&lt;code&gt;</c>).</summary>
internal static class StreetCompounds
{
    public static (IStreet? Street, MergedCompound? Compound) Find(IStreetDirectory streets, string compoundId)
    {
        var dot = compoundId.IndexOf('.');
        if (dot <= 0)
            return (null, null);
        var street = streets.Find(compoundId[..dot]);
        var code = compoundId[(dot + 1)..];
        return (street, street?.Layout.MergePlan.Compounds.FirstOrDefault(c => c.Code == code));
    }

    public static string CommunityName(IStreet street, string community) =>
        street.Profile.Communities.FirstOrDefault(c => c.Code == community)?.Name ?? community;
}
