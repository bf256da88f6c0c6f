using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ModularGov.PropertyTiers;

[GenerateSerializer]
internal sealed class TierEntry
{
    [Id(0)] public PropertyTier Tier { get; set; }
    [Id(1)] public string? Company { get; set; }
    [Id(2)] public TierDecisionRecord? Decision { get; set; }
}

[GenerateSerializer]
internal sealed class PropertyTiersState
{
    [Id(0)] public Dictionary<string, TierEntry> Tiers { get; set; } = [];
    /// <summary>How many change requests the street has had; each is kept in the paged list, not here.</summary>
    [Id(1)] public int ChangeCount { get; set; }
    /// <summary>The requests waiting for a decision, by compound id, with their position in the list (at most one per compound).</summary>
    [Id(2)] public Dictionary<string, int> WaitingChanges { get; set; } = [];
    /// <summary>The latest decision, written here before the list: if the list never got it, activation completes it.</summary>
    [Id(3)] public TierChange? LastDecision { get; set; }
}

internal sealed class PropertyTiersGrain(
    [PersistentState("tiers", GrainStorage.Name)] IPersistentState<PropertyTiersState> state,
    IStreetDirectory streets,
    TimeProvider clock) : Grain, IPropertyTiersGrain
{
    public const int MaxReasonLength = 500;
    public const int MaxCompanyLength = 100;
    public const int MaxNoteLength = 500;
    private IStreet _street = null!;
    private PagedList<TierChange> _changes = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _street = streets.Find(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"street '{this.GetPrimaryKeyString()}' is not served");
        _changes = new PagedList<TierChange>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "tier-changes", _street.Code);
        if (AdoptNewCompounds())
            await state.WriteStateAsync(cancellationToken);
        if (state.State.LastDecision is { } last && Position(last.Id) is { } at && (await _changes.GetAsync(at)).Status == TierChangeStatus.Requested)
            await _changes.SetAsync(at, last);
    }

    /// <summary>Compounds the plugin ships that the record does not know yet start from the shipped decision, or untiered.</summary>
    private bool AdoptNewCompounds()
    {
        var added = false;
        foreach (var compound in _street.Layout.MergePlan.Compounds.Where(c => !state.State.Tiers.ContainsKey(c.Code)))
        {
            var shipped = _street.Layout.Tiers.FirstOrDefault(t => t.Compound == compound.Code);
            state.State.Tiers[compound.Code] = shipped is null
                ? new TierEntry { Tier = PropertyTier.Untiered }
                : new TierEntry
                {
                    Tier = shipped.Tier,
                    Company = shipped.Company,
                    Decision = new TierDecisionRecord(shipped.Reason, shipped.ApprovedBy, new DateTimeOffset(shipped.ApprovedOn, TimeOnly.MinValue, ChinaTime.Offset), null),
                };
            added = true;
        }
        return added;
    }

    public Task<CompoundTier?> GetAsync(string compoundId) =>
        Task.FromResult(Code(compoundId) is { } code && Merged(code) is { } compound ? View(compound) : null);

    public Task<IReadOnlyList<CompoundTier>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<CompoundTier>>(_street.Layout.MergePlan.Compounds.Select(View).ToList());

    public Task<TierCounts> GetCountsAsync()
    {
        var tiers = state.State.Tiers.Values.Select(t => t.Tier).ToList();
        return Task.FromResult(new TierCounts(
            tiers.Count(t => t == PropertyTier.Market), tiers.Count(t => t == PropertyTier.Fallback),
            tiers.Count(t => t == PropertyTier.SelfGoverned), tiers.Count(t => t == PropertyTier.Untiered)));
    }

    public async Task<Outcome<TierChange>> RequestChangeAsync(string compoundId, PropertyTier tier, string? company, string reason, Actor by)
    {
        if (Code(compoundId) is not { } code || Merged(code) is null)
            return Outcome<TierChange>.Refuse(Refusal.NotFound, $"compound '{compoundId}' does not exist in street '{_street.Code}'");
        var problem = CheckRequest(code, tier, ref company, reason);
        if (problem is not null)
            return Outcome<TierChange>.Refuse(Refusal.Invalid, problem);
        if (state.State.WaitingChanges.ContainsKey(compoundId))
            return Outcome<TierChange>.Refuse(Refusal.Conflict, $"compound '{compoundId}' already has a change waiting for approval");

        var position = state.State.ChangeCount;
        var change = new TierChange
        {
            Id = $"{_street.Code}.tc{position + 1:D4}",
            Compound = compoundId,
            From = state.State.Tiers[code].Tier,
            To = tier,
            Company = company,
            Reason = reason.Trim(),
            Status = TierChangeStatus.Requested,
            RequestedBy = by,
            RequestedAt = clock.Now(),
        };
        await _changes.AppendAsync(position, change);
        state.State.ChangeCount = position + 1;
        state.State.WaitingChanges[compoundId] = position;
        await state.WriteStateAsync();
        return Outcome<TierChange>.Ok(change);
    }

    private string? CheckRequest(string code, PropertyTier tier, ref string? company, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
            return $"a reason of 1–{MaxReasonLength} characters is required";
        if (tier == PropertyTier.Untiered)
            return "a compound cannot be moved back to untiered";
        if (tier == PropertyTier.Market && string.IsNullOrWhiteSpace(company))
            return "a market tier needs the property company's name";
        if (tier == PropertyTier.Fallback)
            company ??= ResponsibleParties.FallbackCompany;
        if (tier == PropertyTier.SelfGoverned)
            company = null;
        var current = state.State.Tiers[code];
        return current.Tier == tier && current.Company == company ? $"compound is already {tier}" : null;
    }

    public Task<Outcome<TierChange>> ApproveAsync(string changeId, string? note, Actor by) => DecideAsync(changeId, TierChangeStatus.Approved, note, by);

    public Task<Outcome<TierChange>> RejectAsync(string changeId, string note, Actor by) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult(Outcome<TierChange>.Refuse(Refusal.Invalid, "a rejection needs a note saying why"))
            : DecideAsync(changeId, TierChangeStatus.Rejected, note, by);

    private async Task<Outcome<TierChange>> DecideAsync(string changeId, TierChangeStatus decision, string? note, Actor by)
    {
        if (Position(changeId) is not { } index)
            return Outcome<TierChange>.Refuse(Refusal.NotFound, $"tier change '{changeId}' does not exist");
        var change = await _changes.GetAsync(index);
        if (change.Status != TierChangeStatus.Requested)
            return Outcome<TierChange>.Refuse(Refusal.Conflict, $"tier change '{changeId}' was already {change.Status.ToString().ToLowerInvariant()}");
        if (by.MayBeOrActFor(change.RequestedBy))
            return Outcome<TierChange>.Refuse(Refusal.Forbidden,
                $"双人审核:变更须由申请人以外的人决定 (four eyes: {change.RequestedBy.Label} requested this change, so neither they, a token for the same person, nor a token they issued decides it)");

        var decided = change with { Status = decision, DecidedBy = by, DecidedAt = clock.Now(), DecisionNote = note?.Trim() };
        state.State.WaitingChanges.Remove(change.Compound);
        state.State.LastDecision = decided;
        if (decision == TierChangeStatus.Approved)
        {
            state.State.Tiers[Code(change.Compound)!] = new TierEntry
            {
                Tier = change.To,
                Company = change.Company,
                Decision = new TierDecisionRecord(change.Reason, by.Label, decided.DecidedAt!.Value, change.Id),
            };
        }
        await state.WriteStateAsync();
        await _changes.SetAsync(index, decided);
        return Outcome<TierChange>.Ok(decided);
    }

    public async Task<Page<TierChange>> GetChangesAsync(TierChangeStatus? status, int after, int limit)
    {
        var page = await _changes.ReadPageAsync(after, limit, state.State.ChangeCount);
        return page with { Items = page.Items.Where(c => status is null || c.Status == status).ToList() };
    }

    /// <summary>The list position of a change id <c>nanshanlu.tc0001</c>, or null if it names no change of this street.</summary>
    private int? Position(string changeId) =>
        changeId.StartsWith($"{_street.Code}.tc", StringComparison.Ordinal)
        && int.TryParse(changeId.AsSpan(_street.Code.Length + 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number >= 1 && number <= state.State.ChangeCount && $"{_street.Code}.tc{number:D4}" == changeId
            ? number - 1
            : null;

    private string? Code(string compoundId) =>
        compoundId.StartsWith(_street.Code + ".", StringComparison.Ordinal) ? compoundId[(_street.Code.Length + 1)..] : null;

    private MergedCompound? Merged(string code) => _street.Layout.MergePlan.Compounds.FirstOrDefault(c => c.Code == code);

    private CompoundTier View(MergedCompound compound)
    {
        var entry = state.State.Tiers[compound.Code];
        return new CompoundTier
        {
            Compound = $"{_street.Code}.{compound.Code}",
            Name = compound.Name,
            Community = compound.Community,
            Tier = entry.Tier,
            Company = entry.Company,
            Responsible = ResponsibleParties.For(entry.Tier, entry.Company, StreetCompounds.CommunityName(_street, compound.Community)),
            Decision = entry.Decision,
        };
    }
}
