using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Streets.Nanshanlu;

/// <summary>
/// 物业服务+托底共享+业主自治: an untiered compound whose members are all old (before 1995) and have no company
/// of their own is a candidate for 洁诚物业's fallback service; one whose owners already run it themselves is a
/// candidate for self-governance. Proposals only: the street office approves every change.
/// </summary>
public sealed class NanshanluTierRule : ITierProposalRule
{
    public (PropertyTier Tier, string Reason)? Propose(MergedCompound compound, IReadOnlyList<CompoundRecord> members, PropertyTier current)
    {
        if (current != PropertyTier.Untiered)
            return null;
        if (members.All(m => m.PropertyArrangement == "业主自管"))
            return (PropertyTier.SelfGoverned, "业主已自管,建议纳入业主自治 (owners already run it)");
        if (members.All(m => m.BuildYear < 1995 && m.PropertyArrangement is "无物业" or "单位自管"))
            return (PropertyTier.Fallback, "老旧小区无物业服务企业,建议纳入洁诚物业托底 (old compound without a company)");
        return null;
    }
}
