using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Access;
using Orleans.Concurrency;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Results;

namespace ModularGov.PropertyTiers.Contracts;

/// <summary>
/// 物业分级 — one grain per street (keyed by street code): every merged compound's tier and the record of every
/// change. It starts from the street's shipped decisions; after that only an approved change moves a tier.
/// Compound ids are <c>&lt;street&gt;.&lt;merged compound&gt;</c>, e.g. <c>nanshanlu.m001</c>.
/// </summary>
[Alias("ModularGov.PropertyTiers.IPropertyTiersGrain")]
public interface IPropertyTiersGrain : IGrainWithStringKey
{
    [Alias("Tier"), ReadOnly]
    Task<CompoundTier?> GetAsync(string compoundId);

    [Alias("Tiers"), ReadOnly]
    Task<IReadOnlyList<CompoundTier>> GetAllAsync();

    [Alias("Counts"), ReadOnly]
    Task<TierCounts> GetCountsAsync();

    /// <summary>Records a change request. Nothing changes until a different person approves it.</summary>
    [Alias("Request")]
    Task<Outcome<TierChange>> RequestChangeAsync(string compoundId, PropertyTier tier, string? company, string reason, Actor by);

    [Alias("Approve")]
    Task<Outcome<TierChange>> ApproveAsync(string changeId, string? note, Actor by);

    [Alias("Reject")]
    Task<Outcome<TierChange>> RejectAsync(string changeId, string note, Actor by);

    [Alias("Changes"), ReadOnly]
    Task<Page<TierChange>> GetChangesAsync(TierChangeStatus? status, int after, int limit);
}
