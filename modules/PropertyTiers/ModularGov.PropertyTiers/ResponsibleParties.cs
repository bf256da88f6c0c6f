using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers;

/// <summary>Who answers for a compound's property problems, by its tier (物业服务+托底共享+业主自治).</summary>
internal static class ResponsibleParties
{
    public const string FallbackCompany = "洁诚物业";

    public static string For(PropertyTier tier, string? company, string communityName) => tier switch
    {
        PropertyTier.Market => $"{company} (物业服务企业 market property company)",
        PropertyTier.Fallback => $"{company ?? FallbackCompany} (托底物业 district fallback company)",
        PropertyTier.SelfGoverned => "业主自治组织 (owners' self-governance)",
        _ => $"{communityName}居委会 (community committee: compound not yet tiered)",
    };
}
