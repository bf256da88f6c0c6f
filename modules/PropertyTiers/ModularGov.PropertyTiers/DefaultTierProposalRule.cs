using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.PropertyTiers;

/// <summary>The district's rule where a street has none: an untiered compound with no company of its own is a fallback candidate.</summary>
internal sealed class DefaultTierProposalRule : ITierProposalRule
{
    public (PropertyTier Tier, string Reason)? Propose(MergedCompound compound, IReadOnlyList<CompoundRecord> members, PropertyTier current) =>
        current == PropertyTier.Untiered && members.All(m => m.PropertyArrangement is "无物业" or "单位自管")
            ? (PropertyTier.Fallback, "无物业服务企业,建议纳入托底 (no property company)")
            : null;
}
