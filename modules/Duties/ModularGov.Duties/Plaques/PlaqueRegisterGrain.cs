using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.Storage;

namespace ModularGov.Duties.Plaques;

/// <summary>What a community's register keeps itself: the plaques hanging now (at most 3 signs and 2 markers) and how many were taken down.</summary>
[GenerateSerializer]
internal sealed class PlaqueState
{
    [Id(0)] public bool Seeded { get; set; }
    [Id(2)] public List<Plaque> HangingPlaques { get; set; } = [];
    [Id(3)] public int RemovedCount { get; set; }
}

/// <summary>
/// 清牌瘦身: a community carries at most 3 signs and 2 markers, and whoever hung a plaque takes it down. The plaques taken
/// down are kept in pages (<see cref="PagedList{T}"/>), in the order they came down; the grain keeps what hangs.
/// </summary>
internal sealed class PlaqueRegisterGrain(
    [PersistentState("plaques", GrainStorage.Name)] IPersistentState<PlaqueState> state,
    IStreetDirectory streets,
    TimeProvider clock) : Grain, IPlaqueRegisterGrain
{
    public const int MaxSigns = 3;
    public const int MaxMarkers = 2;
    /// <summary>The longest plaque title, name of who hangs or takes it down, or campaign.</summary>
    public const int MaxText = 100;
    private HashSet<string> _shipped = [];
    private PagedList<Plaque> _removed = null!;

    private PlaqueState S => state.State;
    private int EverHung => S.HangingPlaques.Count + S.RemovedCount;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (street, community) = CommunityKeys.Find(streets, this.GetPrimaryKeyString());
        if (street is null || community is null)
            throw new InvalidOperationException($"community '{this.GetPrimaryKeyString()}' is not served");
        _removed = new PagedList<Plaque>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "plaques-removed", this.GetPrimaryKeyString());
        var shipped = street.Duties.Plaques.Where(p => p.Community == community).ToList();
        _shipped = shipped.Select(p => p.Code).ToHashSet();
        if (S.Seeded)
            return;
        var removed = 0;
        foreach (var plaque in shipped.Where(p => p.RemovedOn is not null))
            await _removed.AppendAsync(removed++, ToPlaque(plaque));
        S.HangingPlaques = shipped.Where(p => p.RemovedOn is null).Select(ToPlaque).ToList();
        S.RemovedCount = removed;
        S.Seeded = true;
        await state.WriteStateAsync(cancellationToken);
    }

    private static Plaque ToPlaque(PlaqueRecord p) => new()
    {
        Code = p.Code,
        Kind = p.Kind,
        Title = p.Title,
        HungBy = p.HungBy,
        HungOn = p.HungOn,
        RemovedOn = p.RemovedOn,
        RemovedBy = p.RemovedOn is null ? null : p.HungBy,
        Campaign = p.Campaign,
    };

    public Task<PlaqueRegister> GetAsync() => Task.FromResult(new PlaqueRegister(this.GetPrimaryKeyString(),
        S.HangingPlaques.Count(p => p.Kind == PlaqueKind.Sign), S.HangingPlaques.Count(p => p.Kind == PlaqueKind.Marker), S.RemovedCount, EverHung, S.HangingPlaques.ToList()));

    public Task<Page<Plaque>> ListRemovedAsync(int after, int limit) => _removed.ReadPageAsync(after, limit, S.RemovedCount);

    public async Task<Outcome<Plaque>> HangAsync(PlaqueKind kind, string title, string hungBy, Actor by)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxText || string.IsNullOrWhiteSpace(hungBy) || hungBy.Length > MaxText)
            return Outcome<Plaque>.Refuse(Refusal.Invalid, $"a plaque needs a title and who hangs it (1–{MaxText} characters each)");
        var current = S.HangingPlaques.Count(p => p.Kind == kind);
        var limit = kind == PlaqueKind.Sign ? MaxSigns : MaxMarkers;
        if (current >= limit)
            return Outcome<Plaque>.Refuse(Refusal.Conflict,
                $"3标牌2标识: the community already carries {current} {(kind == PlaqueKind.Sign ? "signs (标牌)" : "markers (标识)")}; no more may be hung");
        var plaque = new Plaque
        {
            Code = $"pl{EverHung + 1:D4}n",
            Kind = kind,
            Title = title.Trim(),
            HungBy = hungBy.Trim(),
            HungOn = clock.Today(),
        };
        S.HangingPlaques.Add(plaque);
        await state.WriteStateAsync();
        return Outcome<Plaque>.Ok(plaque);
    }

    public async Task<Outcome<Plaque>> RemoveAsync(string code, string removedBy, string? campaign, Actor by)
    {
        var plaque = S.HangingPlaques.Find(p => p.Code == code);
        if (plaque is null)
            return WasHung(code)
                ? Outcome<Plaque>.Refuse(Refusal.Conflict, $"plaque '{code}' was already taken down")
                : Outcome<Plaque>.Refuse(Refusal.NotFound, $"plaque '{code}' does not exist");
        if (plaque.HungBy != removedBy)
            return Outcome<Plaque>.Refuse(Refusal.Forbidden, $"谁悬挂谁清理: '{plaque.Title}' was hung by {plaque.HungBy}, so {plaque.HungBy} takes it down, not {removedBy}");
        var removed = plaque with { RemovedOn = clock.Today(), RemovedBy = removedBy, Campaign = campaign };
        await _removed.AppendAsync(S.RemovedCount, removed);
        S.HangingPlaques.Remove(plaque);
        S.RemovedCount++;
        await state.WriteStateAsync();
        return Outcome<Plaque>.Ok(removed);
    }

    /// <summary>Whether the code names a plaque this community ever carried: one the street shipped, or one hung here (<c>pl&lt;n&gt;n</c>).</summary>
    private bool WasHung(string code) =>
        _shipped.Contains(code)
        || (code.Length > 3 && code.StartsWith("pl", StringComparison.Ordinal) && code.EndsWith('n')
            && int.TryParse(code.AsSpan(2, code.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= EverHung && $"pl{number:D4}n" == code);
}
