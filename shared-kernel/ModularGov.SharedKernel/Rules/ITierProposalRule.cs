using ModularGov.SharedKernel.Layout;

namespace ModularGov.SharedKernel.Rules;

/// <summary>
/// A street's rule for proposing a property tier for a merged compound (e.g. an old compound with no company
/// is a fallback candidate). A proposal changes nothing: only a recorded, approved change does.
/// </summary>
public interface ITierProposalRule
{
    /// <summary>The tier to propose and why, or null to propose nothing.</summary>
    (PropertyTier Tier, string Reason)? Propose(MergedCompound compound, IReadOnlyList<CompoundRecord> members, PropertyTier current);
}
