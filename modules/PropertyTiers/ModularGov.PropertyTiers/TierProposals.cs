using Autofac;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.PropertyTiers;

/// <summary>Runs the street's own tier rule (or the district's default) over its compounds as they stand now.</summary>
internal static class TierProposals
{
    public static IReadOnlyList<TierProposal> For(IStreet street, IReadOnlyList<CompoundTier> current)
    {
        var rule = street.Services.ResolveOptional<ITierProposalRule>() ?? new DefaultTierProposalRule();
        var byCode = street.Layout.Compounds.ToDictionary(c => c.Code);
        var proposals = new List<TierProposal>();
        foreach (var compound in street.Layout.MergePlan.Compounds)
        {
            var tier = current.First(t => t.Compound == $"{street.Code}.{compound.Code}").Tier;
            var members = compound.Members.Select(m => byCode[m]).ToList();
            if (rule.Propose(compound, members, tier) is { } proposal && proposal.Tier != tier)
                proposals.Add(new TierProposal($"{street.Code}.{compound.Code}", compound.Name, tier, proposal.Tier, proposal.Reason));
        }
        return proposals;
    }
}
