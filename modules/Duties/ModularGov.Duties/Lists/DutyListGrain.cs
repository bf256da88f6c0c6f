using System.Globalization;
using Autofac;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.Storage;

namespace ModularGov.Duties.Lists;

/// <summary>
/// A street's duty list: kept in every version, changed only by an approved change, enforced on every pushed-down task.
/// Each version is its own record; tasks, changes and agreements are kept in pages (<see cref="PagedList{T}"/>), the
/// grain holding their counts (see <see cref="DutyListState"/>). Every change is written to its record first and to the
/// grain last, so the grain's count is what exists. An approval writes the new version, then the change, then the
/// grain; a crash after the change finds the version and its approved change on the next activation and completes it.
/// </summary>
internal sealed class DutyListGrain(
    [PersistentState("duty-list", GrainStorage.Name)] IPersistentState<DutyListState> state,
    IStreetDirectory streets,
    TimeProvider clock) : Grain, IDutyListGrain
{
    public const int MaxText = 500;
    /// <summary>The longest name of a party to a territorial agreement.</summary>
    public const int MaxParty = 100;
    public const string VersionKind = "duty-list-version";
    public const string ChangeKind = "duty-changes";
    private IStreet _street = null!;
    private RecordStore<VersionRecord> _versions = null!;
    private PagedList<AdmissionRecord> _tasks = null!;
    private PagedList<DutyChange> _changes = null!;
    private PagedList<TerritorialAgreement> _agreements = null!;
    private DutyListVersion _current = null!;

    private DutyListState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _street = streets.Find(code) ?? throw new InvalidOperationException($"street '{code}' is not served");
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _versions = new RecordStore<VersionRecord>(storage, VersionKind);
        _tasks = new PagedList<AdmissionRecord>(storage, "duty-tasks", code);
        _changes = new PagedList<DutyChange>(storage, ChangeKind, code);
        _agreements = new PagedList<TerritorialAgreement>(storage, "duty-agreements", code);
        if (!S.Seeded)
        {
            await SeedAsync();
            return;
        }
        _current = (await _versions.ReadAsync(VersionKey(S.CurrentVersion)))!.Value.Version;
        await CompleteApprovalAsync();
    }

    /// <summary>The list the street ships becomes its first version.</summary>
    private async Task SeedAsync()
    {
        var shipped = _street.Duties.List;
        var first = new DutyListVersion
        {
            Version = shipped.Version,
            ApprovedBy = shipped.ApprovedBy,
            ApprovedAt = new DateTimeOffset(shipped.ApprovedOn, TimeOnly.MinValue, ChinaTime.Offset),
            LegalBasis = shipped.LegalBasis,
            Posts = shipped.Posts,
            Items = shipped.Items,
        };
        await WriteVersionAsync(first);
        S.Seeded = true;
        S.FirstVersion = S.CurrentVersion = first.Version;
        await state.WriteStateAsync();
        _current = first;
    }

    /// <summary>An approval that wrote its version and its change but not the grain is completed here.</summary>
    private async Task CompleteApprovalAsync()
    {
        if (await _versions.ReadAsync(VersionKey(S.CurrentVersion + 1)) is not { Value.Version: { Change: { } changeId } next }
            || ChangePosition(changeId) is not { } position
            || await _changes.GetAsync(position) is not { Status: ChangeStatus.Approved } change || change.NewVersion != next.Version)
            return;
        await MakeCurrentAsync(next, change);
    }

    private async Task MakeCurrentAsync(DutyListVersion version, DutyChange change)
    {
        S.CurrentVersion = version.Version;
        S.OpenChanges.Remove(change.Item.Code);
        await state.WriteStateAsync();
        _current = version;
    }

    private string VersionKey(int version) => $"{_street.Code}.v{version}";

    /// <summary>Writes a version's record, over one an approval left behind without completing.</summary>
    private async Task WriteVersionAsync(DutyListVersion version)
    {
        var key = VersionKey(version.Version);
        var left = await _versions.ReadAsync(key);
        await _versions.WriteAsync(new Stored<VersionRecord>(key, new VersionRecord { Version = version }, left?.ETag));
    }

    public Task<DutyListVersion> GetCurrentAsync() => Task.FromResult(_current);

    public async Task<DutyListVersion?> GetVersionAsync(int version) =>
        version == S.CurrentVersion ? _current
        : version >= S.FirstVersion && version < S.CurrentVersion ? (await _versions.ReadAsync(VersionKey(version)))?.Value.Version
        : null;

    public async Task<Outcome<DutyListDiff>> CompareAsync(int from, int to)
    {
        var a = await GetVersionAsync(from);
        var b = await GetVersionAsync(to);
        if (a is null || b is null)
            return Outcome<DutyListDiff>.Refuse(Refusal.NotFound, $"versions available: {S.FirstVersion} to {S.CurrentVersion}");
        var before = a.Items.ToDictionary(i => i.Code);
        var after = b.Items.ToDictionary(i => i.Code);
        return Outcome<DutyListDiff>.Ok(new DutyListDiff(from, to,
            b.Items.Where(i => !before.ContainsKey(i.Code)).ToList(),
            a.Items.Where(i => !after.ContainsKey(i.Code)).ToList(),
            b.Items.Where(i => before.TryGetValue(i.Code, out var old) && old != i).ToList()));
    }

    public async Task<Outcome<AdmissionRecord>> AdmitAsync(PushedTask task, Actor by)
    {
        if (string.IsNullOrWhiteSpace(task.Title) || task.Title.Length > MaxText || string.IsNullOrWhiteSpace(task.Department))
            return Outcome<AdmissionRecord>.Refuse(Refusal.Invalid, $"a task needs its department and a title of 1–{MaxText} characters");
        if (task.Community is { } community && _street.Profile.Community(community) is null)
            return Outcome<AdmissionRecord>.Refuse(Refusal.Invalid, $"community '{community}' does not exist in street '{_street.Code}'");

        var (item, refusal) = Match(task);
        if (item is not null && refusal is null)
            refusal = _street.Services.ResolveOptional<IAdmissionRule>()?.Refuse(task, item);
        var admitted = refusal is null;
        var position = S.TaskCount;
        var record = new AdmissionRecord
        {
            Id = $"{_street.Code}.t{position + 1:D5}",
            Department = task.Department,
            Community = task.Community,
            Title = task.Title.Trim(),
            Category = task.Category,
            Admitted = admitted,
            Item = item?.Code,
            AssignedTo = admitted ? ResponsibleFor(task.Department, item!) : null,
            Reason = refusal ?? $"列入清单第 {item!.Code} 项「{item.Title}」(on the list)",
            ListVersion = _current.Version,
            By = by,
            At = clock.Now(),
        };
        await _tasks.AppendAsync(position, record);
        var counts = S.ByDepartment.GetValueOrDefault(task.Department, new TaskCounts(0, 0));
        S.ByDepartment[task.Department] = admitted ? counts with { Admitted = counts.Admitted + 1 } : counts with { Refused = counts.Refused + 1 };
        S.TaskCount = position + 1;
        await state.WriteStateAsync();
        return Outcome<AdmissionRecord>.Ok(record);
    }

    /// <summary>The list item the task falls under (by item code, else by category), or why there is none.</summary>
    private (DutyItem? Item, string? Refusal) Match(PushedTask task)
    {
        var item = task.Item is { } code
            ? _current.Items.FirstOrDefault(i => i.Code == code)
            : _current.Items.Where(i => i.Category == task.Category).OrderBy(i => i.Kind == DutyKind.Returned).FirstOrDefault();
        if (item is null)
            return (null, $"清单之外无事项:「{task.Title}」不在{_street.Profile.Name}权责清单第 {_current.Version} 版中 (not on the duty list: no item {(task.Item is null ? $"of category '{task.Category}'" : $"'{task.Item}'")})");
        return item.Kind == DutyKind.Returned
            ? (item, $"「{item.Title}」已收回上级,不属于街道事项 (handed back up: not the street's duty)")
            : (item, null);
    }

    private string ResponsibleFor(string department, DutyItem item)
    {
        if (S.AgreementsInForce.Find(a => a.Department == department && a.Item == item.Code) is { } agreement)
            return $"{agreement.Primary} (主责, 属地责任事项协议 {agreement.Id}; 次责 {agreement.Secondary})";
        var post = _current.Posts.FirstOrDefault(p => p.Code == item.Post);
        return post is null ? item.Post : $"{post.Name} {post.Holder}";
    }

    public Task<Page<AdmissionRecord>> ListTasksAsync(int after, int limit) => _tasks.ReadPageAsync(after, limit, S.TaskCount);

    public Task<IReadOnlyList<DepartmentTasks>> GetTasksByDepartmentAsync() => Task.FromResult<IReadOnlyList<DepartmentTasks>>(S.ByDepartment
        .Select(d => new DepartmentTasks(d.Key, d.Value.Refused, d.Value.Admitted))
        .OrderByDescending(d => d.Refused).ThenBy(d => d.Department, StringComparer.Ordinal).ToList());

    public async Task<Outcome<DutyChange>> ApplyAsync(ChangeAction action, DutyItem item, string reason, string assessor, Actor by)
    {
        var exists = _current.Items.Any(i => i.Code == item.Code);
        var problem = action switch
        {
            ChangeAction.Add when exists => $"item '{item.Code}' is already on the list",
            ChangeAction.Remove or ChangeAction.Modify when !exists => $"item '{item.Code}' is not on the list",
            _ when string.IsNullOrWhiteSpace(reason) || reason.Length > MaxText => $"a reason of 1–{MaxText} characters is required",
            _ when !Scope.TryParse($"department:{assessor}", out _, out _) => $"assessor must name the department that assesses the change (lower-case ASCII id), not '{assessor}'",
            _ when action != ChangeAction.Remove && (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Category)) => "the item needs a title and a category",
            _ when action != ChangeAction.Remove && _current.Posts.All(p => p.Code != item.Post) => $"post '{item.Post}' is not in the post catalogue (岗位目录)",
            _ => null,
        };
        if (problem is not null)
            return Outcome<DutyChange>.Refuse(Refusal.Invalid, problem);
        if (S.OpenChanges.TryGetValue(item.Code, out var open) && (await _changes.GetAsync(open)).Status is ChangeStatus.Applied or ChangeStatus.Assessed)
            return Outcome<DutyChange>.Refuse(Refusal.Conflict, $"item '{item.Code}' already has a change in progress");
        var position = S.ChangeCount;
        var change = new DutyChange
        {
            Id = $"{_street.Code}.dc{position + 1:D4}",
            Action = action,
            Item = action == ChangeAction.Remove ? _current.Items.First(i => i.Code == item.Code) : item with { Sample = false },
            Reason = reason.Trim(),
            Status = ChangeStatus.Applied,
            AppliedBy = by,
            AppliedAt = clock.Now(),
            Assessor = assessor,
        };
        await _changes.AppendAsync(position, change);
        S.ChangeCount = position + 1;
        S.OpenChanges[item.Code] = position;
        await state.WriteStateAsync();
        return Outcome<DutyChange>.Ok(change);
    }

    public async Task<Outcome<DutyChange>> AssessAsync(string changeId, bool favourable, string assessment, Actor by)
    {
        var outcome = await DecideAsync(changeId, ChangeStatus.Applied, assessment, NotAddressedTo(by), c => c with
        {
            Status = favourable ? ChangeStatus.Assessed : ChangeStatus.Rejected,
            Assessment = assessment.Trim(),
            AssessedBy = by,
            DecidedBy = favourable ? null : by,
        });
        if (outcome.Value is { Status: ChangeStatus.Rejected } rejected)
        {
            S.OpenChanges.Remove(rejected.Item.Code);
            await state.WriteStateAsync();
        }
        return outcome;
    }

    public async Task<Outcome<DutyChange>> ApproveAsync(string changeId, string legalBasis, Actor by)
    {
        DutyListVersion? made = null;
        var outcome = await DecideAsync(changeId, ChangeStatus.Assessed, legalBasis, null, c => c with
        {
            Status = ChangeStatus.Approved,
            LegalBasis = legalBasis.Trim(),
            DecidedBy = by,
            NewVersion = _current.Version + 1,
        }, before: async change =>
        {
            var items = change.Action switch
            {
                ChangeAction.Add => _current.Items.Append(change.Item),
                ChangeAction.Remove => _current.Items.Where(i => i.Code != change.Item.Code),
                _ => _current.Items.Select(i => i.Code == change.Item.Code ? change.Item : i),
            };
            made = new DutyListVersion
            {
                Version = change.NewVersion!.Value,
                ApprovedBy = by.Label,
                ApprovedAt = clock.Now(),
                LegalBasis = change.LegalBasis!,
                Change = change.Id,
                Posts = _current.Posts,
                Items = items.ToList(),
            };
            await WriteVersionAsync(made);
        });
        if (outcome.Value is { } approved)
            await MakeCurrentAsync(made!, approved);
        return outcome;
    }

    public async Task<Outcome<DutyChange>> RejectAsync(string changeId, string reason, Actor by)
    {
        var outcome = await DecideAsync(changeId, ChangeStatus.Assessed, reason, null, c => c with
        {
            Status = ChangeStatus.Rejected,
            Rejection = reason.Trim(),
            DecidedBy = by,
        });
        if (outcome.Value is { } rejected)
        {
            S.OpenChanges.Remove(rejected.Item.Code);
            await state.WriteStateAsync();
        }
        return outcome;
    }

    /// <summary>Moves a change on from <paramref name="expected"/>; <paramref name="before"/> writes what must exist before the change records it.</summary>
    private async Task<Outcome<DutyChange>> DecideAsync(string changeId, ChangeStatus expected, string text, Func<DutyChange, string?>? refuse,
        Func<DutyChange, DutyChange> decide, Func<DutyChange, Task>? before = null)
    {
        if (ChangePosition(changeId) is not { } position)
            return Outcome<DutyChange>.Refuse(Refusal.NotFound, $"change '{changeId}' does not exist");
        var change = await _changes.GetAsync(position);
        if (change.Status != expected)
            return Outcome<DutyChange>.Refuse(Refusal.Conflict, $"change '{changeId}' is {change.Status}, not {expected}");
        if (refuse?.Invoke(change) is { } forbidden)
            return Outcome<DutyChange>.Refuse(Refusal.Forbidden, forbidden);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
            return Outcome<DutyChange>.Refuse(Refusal.Invalid, $"1–{MaxText} characters of assessment, legal basis or reason are required");
        var decided = decide(change);
        if (before is not null)
            await before(decided);
        await _changes.SetAsync(position, decided);
        return Outcome<DutyChange>.Ok(decided);
    }

    /// <summary>部门评估: only the department the application names assesses it.</summary>
    private static Func<DutyChange, string?> NotAddressedTo(Actor by) => change =>
        by.Scope == $"department:{change.Assessor}" ? null : $"change '{change.Id}' is addressed to department '{change.Assessor}', not to {by.Scope}";

    /// <summary>The position of a change this street has made (<c>&lt;street&gt;.dc&lt;number&gt;</c>), or null.</summary>
    private int? ChangePosition(string changeId)
    {
        var prefix = $"{_street.Code}.dc";
        return changeId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(changeId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= S.ChangeCount && $"{prefix}{number:D4}" == changeId
                ? number - 1
                : null;
    }

    public Task<Page<DutyChange>> ListChangesAsync(int after, int limit) => _changes.ReadPageAsync(after, limit, S.ChangeCount);

    public async Task<Outcome<TerritorialAgreement>> FileAgreementAsync(string department, string item, string primary, string secondary, Actor by)
    {
        if (_current.Items.All(i => i.Code != item))
            return Outcome<TerritorialAgreement>.Refuse(Refusal.Invalid, $"item '{item}' is not on the current list");
        if (new[] { department, primary, secondary }.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxParty) || primary == secondary)
            return Outcome<TerritorialAgreement>.Refuse(Refusal.Invalid, "an agreement names the department and two different parties, primary and secondary");
        var position = S.AgreementCount;
        var agreement = new TerritorialAgreement
        {
            Id = $"{_street.Code}.ag{position + 1:D3}",
            Department = department,
            Item = item,
            Primary = primary.Trim(),
            Secondary = secondary.Trim(),
            FiledBy = by,
            FiledAt = clock.Now(),
        };
        await _agreements.AppendAsync(position, agreement);
        S.AgreementCount = position + 1;
        S.AgreementsInForce.RemoveAll(a => a.Department == department && a.Item == item);
        S.AgreementsInForce.Add(agreement);
        await state.WriteStateAsync();
        return Outcome<TerritorialAgreement>.Ok(agreement);
    }

    public Task<Page<TerritorialAgreement>> ListAgreementsAsync(int after, int limit) => _agreements.ReadPageAsync(after, limit, S.AgreementCount);
}
