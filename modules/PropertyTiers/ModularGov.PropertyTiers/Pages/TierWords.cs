using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers.Pages;

/// <summary>The Chinese words the console uses for property tiers (物业服务+托底共享+业主自治).</summary>
internal static class TierWords
{
    public static string Of(PropertyTier tier) => tier switch
    {
        PropertyTier.Market => "物业服务",
        PropertyTier.Fallback => "托底共享",
        PropertyTier.SelfGoverned => "业主自治",
        _ => "未分级",
    };
}
