using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.PropertyTiers;

/// <summary>Who may see and change compounds' property tiers (the four-eyes rule itself is the tiers grain's).</summary>
internal static class TierAccess
{
    public static readonly AccessRule<CompoundPlace> SeeCompound =
        new("街道内的令牌或区级 (anyone in the street, or the district)", (caller, place) => caller.CanSeeStreet(place.Street.Code));

    public static readonly AccessRule<CompoundPlace> RequestChange =
        new("本街道办、小区所在社区或区级管理员 (the street office, the compound's community, or the district admin)",
            (caller, place) => caller.ManagesStreet(place.Street.Code) || caller.WorksInCommunity(place.Street.Code, place.Compound.Community));

    public static readonly AccessRule<TierChangePlace> DecideChange =
        new("本街道办或区级管理员 (the street office or the district admin)", (caller, place) => caller.ManagesStreet(place.Street.Code));
}
