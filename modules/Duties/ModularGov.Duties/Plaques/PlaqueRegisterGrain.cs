using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Plaques;

[GenerateSerializer]
internal sealed class PlaqueState
{
    [Id(0)] public bool Seeded { get; set; }
    [Id(1)] public List<Plaque> Plaques { get; set; } = [];
}

/// <summary>清牌瘦身: a community carries at most 3 signs and 2 markers, and whoever hung a plaque takes it down.</summary>
internal sealed class PlaqueRegisterGrain(
    [PersistentState("plaques", GrainStorage.Name)] IPersistentState<PlaqueState> state,
    IStreetDirectory streets,
    TimeProvider clock) : Grain, IPlaqueRegisterGrain
{
    public const int MaxSigns = 3;
    public const int MaxMarkers = 2;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (street, community) = CommunityKeys.Find(streets, this.GetPrimaryKeyString());
        if (street is null || community is null)
            throw new InvalidOperationException($"community '{this.GetPrimaryKeyString()}' is not served");
        if (state.State.Seeded)
            return;
        state.State.Plaques = street.Duties.Plaques.Where(p => p.Community == community)
            .Select(p => new Plaque(p.Code, p.Kind, p.Title, p.HungBy, p.HungOn, p.RemovedOn, p.RemovedOn is null ? null : p.HungBy, p.Campaign))
            .ToList();
        state.State.Seeded = true;
        await state.WriteStateAsync(cancellationToken);
    }

    public Task<PlaqueRegister> GetAsync()
    {
        var plaques = state.State.Plaques;
        var current = plaques.Where(p => p.RemovedOn is null).ToList();
        return Task.FromResult(new PlaqueRegister(this.GetPrimaryKeyString(), current.Count(p => p.Kind == PlaqueKind.Sign), current.Count(p => p.Kind == PlaqueKind.Marker),
            plaques.Count - current.Count, plaques.Count, plaques.ToList()));
    }

    public async Task<Outcome<Plaque>> HangAsync(PlaqueKind kind, string title, string hungBy, Actor by)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 100 || string.IsNullOrWhiteSpace(hungBy) || hungBy.Length > 100)
            return Outcome<Plaque>.Refuse(Refusal.Invalid, "a plaque needs a title and who hangs it (1–100 characters each)");
        var current = state.State.Plaques.Count(p => p.RemovedOn is null && p.Kind == kind);
        var limit = kind == PlaqueKind.Sign ? MaxSigns : MaxMarkers;
        if (current >= limit)
            return Outcome<Plaque>.Refuse(Refusal.Conflict,
                $"3标牌2标识: the community already carries {current} {(kind == PlaqueKind.Sign ? "signs (标牌)" : "markers (标识)")}; no more may be hung");
        var plaque = new Plaque($"pl{state.State.Plaques.Count + 1:D4}n", kind, title.Trim(), hungBy.Trim(), clock.Today(), null, null, null);
        state.State.Plaques.Add(plaque);
        await state.WriteStateAsync();
        return Outcome<Plaque>.Ok(plaque);
    }

    public async Task<Outcome<Plaque>> RemoveAsync(string code, string removedBy, string? campaign, Actor by)
    {
        var index = state.State.Plaques.FindIndex(p => p.Code == code);
        if (index < 0)
            return Outcome<Plaque>.Refuse(Refusal.NotFound, $"plaque '{code}' does not exist");
        var plaque = state.State.Plaques[index];
        if (plaque.RemovedOn is not null)
            return Outcome<Plaque>.Refuse(Refusal.Conflict, $"plaque '{code}' was already taken down on {plaque.RemovedOn:yyyy-MM-dd}");
        if (plaque.HungBy != removedBy)
            return Outcome<Plaque>.Refuse(Refusal.Forbidden, $"谁悬挂谁清理: '{plaque.Title}' was hung by {plaque.HungBy}, so {plaque.HungBy} takes it down, not {removedBy}");
        state.State.Plaques[index] = plaque with { RemovedOn = clock.Today(), RemovedBy = removedBy, Campaign = campaign };
        await state.WriteStateAsync();
        return Outcome<Plaque>.Ok(state.State.Plaques[index]);
    }
}
