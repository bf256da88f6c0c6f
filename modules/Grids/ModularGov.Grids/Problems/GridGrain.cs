using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Grids.Problems;

/// <summary>
/// The live state of one grid: who is on duty, every problem reported in it and its audited history. A
/// command is acknowledged only after the state is written; the street's counters are told before it returns.
/// </summary>
internal sealed class GridGrain(
    [PersistentState("grid", GrainStorage.Name)] IPersistentState<GridState> state,
    GridDirectory grids,
    TimeProvider clock) : Grain, IGridGrain
{
    public const string DispatchCentre = "阳泉市基层治理市区联合调度中心 (joint dispatch centre)";
    private GridInfo _grid = null!;

    private GridState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _grid = grids.Find(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"grid '{this.GetPrimaryKeyString()}' is not in any served street's plan");
        foreach (var problem in State.Problems.Where(p => p.Level == ProblemLevel.DispatchCentre && !p.HandedToDispatch))
            await HandToDispatchAsync(problem);
    }

    public Task<GridSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public Task<GridCounters> GetCountersAsync() => Task.FromResult(Counters());

    public async Task<Outcome<FiledProblem>> FileAsync(NewProblem problem, Actor by, string idempotencyKey)
    {
        var invalid = ProblemRules.Check(problem, idempotencyKey);
        if (invalid.Count > 0)
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, string.Join("; ", invalid));
        var hash = ProblemRules.Hash(problem, by);
        if (State.IdempotencyKeys.TryGetValue(idempotencyKey, out var seen))
        {
            return seen.RequestHash == hash
                ? Outcome<FiledProblem>.Ok(new FiledProblem(Find(seen.ProblemId)!.View(_grid.Id), Replayed: true))
                : Outcome<FiledProblem>.Refuse(Refusal.Conflict, $"Idempotency-Key '{idempotencyKey}' was already used for a different request (problem {seen.ProblemId})");
        }
        var compound = problem.Compound is null ? null : _grid.FindCompound(problem.Compound);
        if (problem.Compound is not null && compound is null)
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, $"compound '{problem.Compound}' is not in grid {_grid.Id}");
        if (problem.Source == ProblemSource.Station && _grid.Street.Layout.Stations.All(s => s.Code != problem.Station))
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, $"station '{problem.Station}' is not a station of street {_grid.Street.Code}");

        var now = clock.Now();
        var filed = new ProblemState
        {
            Id = $"{_grid.Id}.p{State.LastProblemNumber + 1:D5}",
            Filed = problem with { Description = problem.Description.Trim(), Location = problem.Location.Trim() },
            MergedCompound = compound is null ? null : $"{_grid.Street.Code}.{compound.Code}",
            Status = ProblemStatus.Filed,
            Level = ProblemLevel.Grid,
            AssignedTo = await FirstHandlerAsync(problem.Category, compound?.Code),
            History = [new ProblemTransition(now, "file", ProblemStatus.Filed, ProblemLevel.Grid, by, null)],
        };
        State.LastProblemNumber++;
        State.Problems.Add(filed);
        State.IdempotencyKeys[idempotencyKey] = new IdempotencyEntry { ProblemId = filed.Id, RequestHash = hash };
        await CommitAsync(now);
        return Outcome<FiledProblem>.Ok(new FiledProblem(filed.View(_grid.Id), Replayed: false));
    }

    /// <summary>A property problem in a compound goes to whoever the compound's tier makes responsible; anything else to the grid worker.</summary>
    private async Task<string> FirstHandlerAsync(ProblemCategory category, string? mergedCompound)
    {
        if (category == ProblemCategory.Property && mergedCompound is not null)
        {
            var tier = await GrainFactory.GetGrain<IPropertyTiersGrain>(_grid.Street.Code).GetAsync($"{_grid.Street.Code}.{mergedCompound}");
            if (tier is not null)
                return tier.Responsible;
        }
        return $"{_grid.Record.Worker.Name} (全科网格员 grid worker)";
    }

    public Task<Outcome<ProblemView>> AcceptAsync(string problemId, GridActor by) =>
        TransitionAsync(problemId, by, "accept", null, p => p.Status is ProblemStatus.Filed or ProblemStatus.Escalated,
            p => p.Status = ProblemStatus.Accepted);

    public Task<Outcome<ProblemView>> StartAsync(string problemId, GridActor by) =>
        TransitionAsync(problemId, by, "start", null, p => p.Status == ProblemStatus.Accepted,
            p => p.Status = ProblemStatus.InProgress);

    public Task<Outcome<ProblemView>> ResolveAsync(string problemId, string resolution, GridActor by) =>
        ProblemRules.CheckNote("resolution (what was done)", resolution) is { } invalid
            ? Task.FromResult(Outcome<ProblemView>.Refuse(Refusal.Invalid, invalid))
            : TransitionAsync(problemId, by, "resolve", resolution.Trim(), p => p.Status is ProblemStatus.Accepted or ProblemStatus.InProgress,
                p => { p.Status = ProblemStatus.Resolved; p.Resolution = resolution.Trim(); });

    public async Task<Outcome<ProblemView>> EscalateAsync(string problemId, string reason, GridActor by)
    {
        if (ProblemRules.CheckNote("reason", reason) is { } invalid)
            return Outcome<ProblemView>.Refuse(Refusal.Invalid, invalid);
        var outcome = await TransitionAsync(problemId, by, "escalate", reason.Trim(),
            p => p.Status != ProblemStatus.Resolved && p.Level != ProblemLevel.DispatchCentre,
            p =>
            {
                p.Level++;
                p.Status = ProblemStatus.Escalated;
                p.AssignedTo = HandlerAt(p.Level);
            });
        if (outcome.IsOk && outcome.Value!.Level == ProblemLevel.DispatchCentre)
        {
            await HandToDispatchAsync(Find(problemId)!);
            return Outcome<ProblemView>.Ok(Find(problemId)!.View(_grid.Id));
        }
        return outcome;
    }

    private string HandlerAt(ProblemLevel level) => level switch
    {
        ProblemLevel.Community => $"{_grid.CommunityName}居委会 (community committee)",
        ProblemLevel.Street => $"{_grid.Street.Profile.Name} (street office)",
        _ => DispatchCentre,
    };

    private async Task HandToDispatchAsync(ProblemState problem)
    {
        var escalation = problem.History.Last(h => h.Action == "escalate");
        await GrainFactory.GetGrain<IDispatchIntakeGrain>(_grid.Street.Code).EnqueueAsync(new EscalatedProblem(
            problem.Id, _grid.Id, _grid.Street.Code, _grid.Record.Community, problem.Filed.Category, problem.Filed.Description,
            problem.Filed.Location, problem.MergedCompound, escalation.Note ?? "", escalation.At, null));
        problem.HandedToDispatch = true;
        await state.WriteStateAsync();
    }

    private async Task<Outcome<ProblemView>> TransitionAsync(
        string problemId, GridActor by, string action, string? note, Func<ProblemState, bool> allowed, Action<ProblemState> apply)
    {
        var problem = Find(problemId);
        if (problem is null)
            return Outcome<ProblemView>.Refuse(Refusal.NotFound, $"problem '{problemId}' does not exist in grid {_grid.Id}");
        if (problem.Level > by.MaxLevel)
            return Outcome<ProblemView>.Refuse(Refusal.Forbidden, $"problem '{problemId}' is handled at {problem.Level} level; your role acts up to {by.MaxLevel} level");
        if (!allowed(problem))
            return Outcome<ProblemView>.Refuse(Refusal.Conflict, $"cannot {action} problem '{problemId}': it is {problem.Status} at {problem.Level} level");
        var now = clock.Now();
        apply(problem);
        problem.History.Add(new ProblemTransition(now, action, problem.Status, problem.Level, by.Actor, note));
        await CommitAsync(now);
        return Outcome<ProblemView>.Ok(problem.View(_grid.Id));
    }

    public Task<ProblemView?> GetProblemAsync(string problemId) => Task.FromResult(Find(problemId)?.View(_grid.Id));

    public Task<IReadOnlyList<ProblemView>> ListProblemsAsync(ProblemStatus? status) =>
        Task.FromResult<IReadOnlyList<ProblemView>>(State.Problems.Where(p => status is null || p.Status == status).Select(p => p.View(_grid.Id)).ToList());

    public async Task<Outcome<GridSnapshot>> SetOnDutyAsync(string person, Actor by)
    {
        var people = _grid.Record.MicroGridLeads.Select(l => l.Name).Prepend(_grid.Record.Worker.Name).ToList();
        if (!people.Contains(person))
            return Outcome<GridSnapshot>.Refuse(Refusal.Invalid, $"'{person}' is neither the grid worker nor a micro-grid lead of {_grid.Id}: {string.Join(", ", people)}");
        var now = clock.Now();
        State.OnDuty = person;
        State.OnDutySince = now;
        await CommitAsync(now);
        return Outcome<GridSnapshot>.Ok(Snapshot());
    }

    /// <summary>Writes the state (the acknowledgement point), then tells the street's counters.</summary>
    private async Task CommitAsync(DateTimeOffset now)
    {
        State.LastActivity = now;
        State.Version++;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IStreetGridsGrain>(_grid.Street.Code).ReportAsync(_grid.Id, Counters());
    }

    private ProblemState? Find(string problemId) => State.Problems.FirstOrDefault(p => p.Id == problemId);

    private GridCounters Counters()
    {
        var stations = State.Problems.Where(p => p.Filed.Source == ProblemSource.Station && p.Filed.Station is not null)
            .GroupBy(p => p.Filed.Station!)
            .ToDictionary(g => g.Key, g => new StationCounts(g.Count(), g.Count(p => p.Status == ProblemStatus.Resolved)));
        return new GridCounters(State.Version, Count(), stations, State.LastActivity);
    }

    private ProblemCounts Count() => new(
        State.Problems.Count(p => p.Status == ProblemStatus.Filed),
        State.Problems.Count(p => p.Status == ProblemStatus.Accepted),
        State.Problems.Count(p => p.Status == ProblemStatus.InProgress),
        State.Problems.Count(p => p.Status == ProblemStatus.Resolved),
        State.Problems.Count(p => p.Status == ProblemStatus.Escalated));

    private GridSnapshot Snapshot()
    {
        var record = _grid.Record;
        return new GridSnapshot(_grid.Id, _grid.Street.Code, record.Name, record.Community, _grid.CommunityName, _grid.Households, _grid.Residents,
            _grid.Compounds.Select(c => new GridCompound($"{_grid.Street.Code}.{c.Compound.Code}", c.Compound.Name, c.Part.Households, c.Part.Residents)).ToList(),
            record.Worker.Name, record.MicroGridLeads.Select(l => l.Name).ToList(),
            State.OnDuty ?? record.Worker.Name, State.OnDutySince, Count(), State.LastActivity);
    }
}
