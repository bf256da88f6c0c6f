using ModularGov.Grids.Contracts;
using ModularGov.Grids.Layout;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ModularGov.Grids.Problems;

/// <summary>
/// The live state of one grid: who is on duty, its counters, and the problems reported in it with their audited
/// history, each problem its own record (<see cref="ProblemState"/>). A change is written to the grid first and then
/// to the problem, and acknowledged only after both; the street's counters are told before it returns.
/// </summary>
internal sealed class GridGrain(
    [PersistentState("grid", GrainStorage.Name)] IPersistentState<GridState> state,
    GridDirectory grids,
    TimeProvider clock) : Grain, IGridGrain
{
    public const string DispatchCentre = "阳泉市基层治理市区联合调度中心 (joint dispatch centre)";
    private GridInfo _grid = null!;
    private RecordStore<ProblemState> _problems = null!;

    private GridState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _grid = grids.Find(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"grid '{this.GetPrimaryKeyString()}' is not in any served street's plan");
        _problems = new RecordStore<ProblemState>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), ProblemState.Kind);
        if (State.LastChange is { } last && (await _problems.ReadAsync(last.ProblemId))?.Value.GridVersion != last.GridVersion)
        {
            State.Undo(last);
            await state.WriteStateAsync();
        }
        // A grid that filed problems before it counted them by month says how many, instead of showing them in no month.
        State.UncountedFilingCount ??= State.LastProblemNumber;
        foreach (var problemId in State.ProblemsAwaitingDispatch.ToList())
            await HandToDispatchAsync((await _problems.ReadAsync(problemId))!.Value.View(_grid.Id));
    }

    public Task<GridSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public Task<GridCounters> GetCountersAsync() => Task.FromResult(Counters());

    public async Task<Outcome<FiledProblem>> FileAsync(NewProblem problem, Actor by, string idempotencyKey)
    {
        var invalid = ProblemRules.Check(problem, idempotencyKey);
        if (invalid.Count > 0)
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, string.Join("; ", invalid));
        var hash = ProblemRules.Hash(problem, by);
        var keyHash = ProblemRules.Hash(idempotencyKey);
        if (State.RecentKeys.Find(k => k.KeyHash == keyHash) is { } seen)
        {
            var first = ProblemId(seen.Number);
            return seen.RequestHash == hash
                ? Outcome<FiledProblem>.Ok(new FiledProblem((await _problems.ReadAsync(first))!.Value.View(_grid.Id), Replayed: true))
                : Outcome<FiledProblem>.Refuse(Refusal.Conflict, $"Idempotency-Key '{idempotencyKey}' was already used for a different request (problem {first})");
        }
        var compound = problem.Compound is null ? null : _grid.FindCompound(problem.Compound);
        if (problem.Compound is not null && compound is null)
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, $"compound '{problem.Compound}' is not in grid {_grid.Id}");
        if (problem.Source == ProblemSource.Station && _grid.Street.Layout.Stations.All(s => s.Code != problem.Station))
            return Outcome<FiledProblem>.Refuse(Refusal.Invalid, $"station '{problem.Station}' is not a station of street {_grid.Street.Code}");

        var now = clock.Now();
        var number = State.LastProblemNumber + 1;
        var filed = new Stored<ProblemState>(ProblemId(number), new ProblemState
        {
            Id = ProblemId(number),
            Filing = problem with { Description = problem.Description.Trim(), Location = problem.Location.Trim() },
            MergedCompound = compound is null ? null : $"{_grid.Street.Code}.{compound.Code}",
            Status = ProblemStatus.Filed,
            Level = ProblemLevel.Grid,
            AssignedTo = await FirstHandlerAsync(problem.Category, compound?.Code),
            History = [new ProblemTransition(now, "file", ProblemStatus.Filed, ProblemLevel.Grid, by, null)],
        });
        await CommitAsync(filed, null, new IdempotencyEntry(keyHash, number, hash), now);
        return Outcome<FiledProblem>.Ok(new FiledProblem(filed.Value.View(_grid.Id), Replayed: false));
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
            await HandToDispatchAsync(outcome.Value);
        return outcome;
    }

    private string HandlerAt(ProblemLevel level) => level switch
    {
        ProblemLevel.Community => $"{_grid.CommunityName}居委会 (community committee)",
        ProblemLevel.Street => $"{_grid.Street.Profile.Name} (street office)",
        _ => DispatchCentre,
    };

    private async Task HandToDispatchAsync(ProblemView problem)
    {
        var escalation = problem.History.Last(h => h.Action == "escalate");
        await GrainFactory.GetGrain<IDispatchIntakeGrain>(_grid.Street.Code).EnqueueAsync(new EscalatedProblem
        {
            ProblemId = problem.Id,
            GridId = _grid.Id,
            Street = _grid.Street.Code,
            Community = _grid.Record.Community,
            Category = problem.Category,
            Description = problem.Description,
            Location = problem.Location,
            Compound = problem.Compound,
            Reason = escalation.Note ?? "",
            EscalatedAt = escalation.At,
        });
        State.ProblemsAwaitingDispatch.Remove(problem.Id);
        await state.WriteStateAsync();
    }

    private async Task<Outcome<ProblemView>> TransitionAsync(
        string problemId, GridActor by, string action, string? note, Func<ProblemState, bool> allowed, Action<ProblemState> apply)
    {
        var record = Owns(problemId) ? await _problems.ReadAsync(problemId) : null;
        if (record is null)
            return Outcome<ProblemView>.Refuse(Refusal.NotFound, $"problem '{problemId}' does not exist in grid {_grid.Id}");
        var problem = record.Value;
        if (problem.Level > by.MaxLevel)
            return Outcome<ProblemView>.Refuse(Refusal.Forbidden, $"problem '{problemId}' is handled at {problem.Level} level; your role acts up to {by.MaxLevel} level");
        if (!allowed(problem))
            return Outcome<ProblemView>.Refuse(Refusal.Conflict, $"cannot {action} problem '{problemId}': it is {problem.Status} at {problem.Level} level");
        var now = clock.Now();
        var from = problem.Status;
        apply(problem);
        problem.History.Add(new ProblemTransition(now, action, problem.Status, problem.Level, by.Actor, note));
        await CommitAsync(record, from, null, now);
        return Outcome<ProblemView>.Ok(problem.View(_grid.Id));
    }

    public async Task<ProblemView?> GetProblemAsync(string problemId) =>
        Owns(problemId) && await _problems.ReadAsync(problemId) is { } record ? record.Value.View(_grid.Id) : null;

    public async Task<ProblemPage> ListProblemsAsync(ProblemStatus? status, int after, int limit)
    {
        limit = Math.Clamp(limit, 1, ProblemPage.MaxLimit);
        var views = new List<ProblemView>();
        var next = Math.Max(after, 0) + 1;
        var scanUntil = Math.Min(State.LastProblemNumber, next - 1 + ProblemPage.ScanLimit);
        while (next <= scanUntil && views.Count < limit)
        {
            var numbers = Enumerable.Range(next, Math.Min(64, scanUntil - next + 1)).ToList();
            var records = await Task.WhenAll(numbers.Select(n => _problems.ReadAsync(ProblemId(n))));
            foreach (var (number, record) in numbers.Zip(records))
            {
                next = number + 1;
                if (record is not null && (status is null || record.Value.Status == status))
                    views.Add(record.Value.View(_grid.Id));
                if (views.Count == limit)
                    break;
            }
        }
        return new ProblemPage(views, next <= State.LastProblemNumber ? next - 1 : null);
    }

    public async Task<ProblemPage> ListProblemsSinceAsync(DateTimeOffset since, int? before, int limit)
    {
        limit = Math.Clamp(limit, 1, ProblemPage.MaxLimit);
        var views = new List<ProblemView>();
        var next = Math.Min(before ?? int.MaxValue, State.LastProblemNumber + 1) - 1;
        var scanFrom = Math.Max(1, next + 1 - ProblemPage.ScanLimit);
        while (next >= scanFrom && views.Count < limit)
        {
            var numbers = Enumerable.Range(Math.Max(scanFrom, next - 63), Math.Min(64, next - scanFrom + 1)).Reverse().ToList();
            var records = await Task.WhenAll(numbers.Select(n => _problems.ReadAsync(ProblemId(n))));
            foreach (var (number, record) in numbers.Zip(records))
            {
                if (record is not null && record.Value.History[0].At < since)
                    return new ProblemPage(views, null);
                next = number - 1;
                if (record is not null)
                    views.Add(record.Value.View(_grid.Id));
                if (views.Count == limit)
                    break;
            }
        }
        return new ProblemPage(views, next >= 1 ? next + 1 : null);
    }

    public async Task<Outcome<GridSnapshot>> SetOnDutyAsync(string person, Actor by)
    {
        var people = _grid.Record.MicroGridLeads.Select(l => l.Name).Prepend(_grid.Record.Worker.Name).ToList();
        if (!people.Contains(person))
            return Outcome<GridSnapshot>.Refuse(Refusal.Invalid, $"'{person}' is neither the grid worker nor a micro-grid lead of {_grid.Id}: {string.Join(", ", people)}");
        var now = clock.Now();
        State.OnDuty = person;
        State.OnDutySince = now;
        State.LastActivity = now;
        State.Version++;
        await state.WriteStateAsync();
        await ReportToStreetAsync();
        return Outcome<GridSnapshot>.Ok(Snapshot());
    }

    /// <summary>
    /// Writes a change: first the grid (its counters and the change itself), then the problem's record; the change is
    /// acknowledged only after both. Should the process die in between, activation finds the record without the change
    /// and undoes it; should a write fail, the call fails and the host deactivates the grid (<c>ForgetFailedCalls</c>),
    /// so that the same check runs on its next call.
    /// </summary>
    private async Task CommitAsync(Stored<ProblemState> record, ProblemStatus? from, IdempotencyEntry? key, DateTimeOffset now)
    {
        var problem = record.Value;
        var change = new GridChange(problem.Id, State.Version + 1, from, problem.Status, problem.Station, key,
            ToDispatch: problem.Level == ProblemLevel.DispatchCentre && problem.History[^1].Action == "escalate",
            MonthlyKey: from is null ? MonthlyFilingKeys.Of(problem.History[0].At, problem.Filing.Category) : null,
            Mapped: problem.Filing.Position is { } at && (from is null || problem.Status == ProblemStatus.Resolved)
                ? new MappedProblem(problem.Id, at.Latitude, at.Longitude, problem.Filing.Category) : null);
        problem.GridVersion = change.GridVersion;
        State.Apply(change);
        State.Version = change.GridVersion;
        State.LastActivity = now;
        await state.WriteStateAsync();
        await _problems.WriteAsync(record);
        await ReportToStreetAsync();
    }

    private Task ReportToStreetAsync() => GrainFactory.GetGrain<IStreetGridsGrain>(_grid.Street.Code).ReportAsync(_grid.Id, Counters());

    private string ProblemId(int number) => $"{_grid.Id}.p{number:D5}";

    /// <summary>Whether the id names a problem this grid has filed (so no other grid's record, or a made-up one, is read).</summary>
    private bool Owns(string problemId) =>
        problemId.StartsWith(_grid.Id + ".p", StringComparison.Ordinal)
        && int.TryParse(problemId.AsSpan(_grid.Id.Length + 2), System.Globalization.NumberStyles.None, null, out var number)
        && number >= 1 && number <= State.LastProblemNumber && ProblemId(number) == problemId;

    private GridCounters Counters() => new(State.Version, State.Counts(), new Dictionary<string, StationCounts>(State.Stations), State.LastActivity,
        new Dictionary<string, int>(State.MonthlyFilings), State.UncountedFilingCount ?? 0);

    private GridSnapshot Snapshot()
    {
        var record = _grid.Record;
        return new GridSnapshot
        {
            Id = _grid.Id,
            Street = _grid.Street.Code,
            Name = record.Name,
            Community = record.Community,
            CommunityName = _grid.CommunityName,
            Households = _grid.Households,
            Residents = _grid.Residents,
            Compounds = _grid.Compounds.Select(c => new GridCompound($"{_grid.Street.Code}.{c.Compound.Code}", c.Compound.Name, c.Part.Households, c.Part.Residents)).ToList(),
            Worker = record.Worker.Name,
            MicroGridLeads = record.MicroGridLeads.Select(l => l.Name).ToList(),
            OnDuty = State.OnDuty ?? record.Worker.Name,
            OnDutySince = State.OnDutySince,
            Problems = State.Counts(),
            LastActivity = State.LastActivity,
            MappedProblems = State.MappedProblems.ToList(),
        };
    }
}
