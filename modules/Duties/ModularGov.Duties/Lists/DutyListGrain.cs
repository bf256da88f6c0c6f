using Autofac;
using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Lists;

[GenerateSerializer]
internal sealed class DutyListState
{
    [Id(0)] public List<DutyListVersion> Versions { get; set; } = [];
    [Id(1)] public List<AdmissionRecord> Admissions { get; set; } = [];
    [Id(2)] public List<DutyChange> Changes { get; set; } = [];
    [Id(3)] public List<TerritorialAgreement> Agreements { get; set; } = [];
}

/// <summary>A street's duty list: kept in every version, changed only by an approved change, enforced on every pushed-down task.</summary>
internal sealed class DutyListGrain(
    [PersistentState("duty-list", GrainStorage.Name)] IPersistentState<DutyListState> state,
    IStreetDirectory streets,
    TimeProvider clock) : Grain, IDutyListGrain
{
    public const int MaxText = 500;
    private IStreet _street = null!;

    private DutyListState S => state.State;
    private DutyListVersion Current => S.Versions[^1];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _street = streets.Find(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"street '{this.GetPrimaryKeyString()}' is not served");
        if (S.Versions.Count > 0)
            return;
        var shipped = _street.Duties.List;
        S.Versions.Add(new DutyListVersion(shipped.Version, shipped.ApprovedBy, new DateTimeOffset(shipped.ApprovedOn, TimeOnly.MinValue, ChinaTime.Offset),
            shipped.LegalBasis, null, shipped.Posts, shipped.Items));
        await state.WriteStateAsync(cancellationToken);
    }

    public Task<DutyListVersion> GetCurrentAsync() => Task.FromResult(Current);

    public Task<DutyListVersion?> GetVersionAsync(int version) => Task.FromResult(S.Versions.FirstOrDefault(v => v.Version == version));

    public Task<Outcome<DutyListDiff>> CompareAsync(int from, int to)
    {
        var a = S.Versions.FirstOrDefault(v => v.Version == from);
        var b = S.Versions.FirstOrDefault(v => v.Version == to);
        if (a is null || b is null)
            return Task.FromResult(Outcome<DutyListDiff>.Refuse(Refusal.NotFound, $"versions available: {string.Join(", ", S.Versions.Select(v => v.Version))}"));
        var before = a.Items.ToDictionary(i => i.Code);
        var after = b.Items.ToDictionary(i => i.Code);
        return Task.FromResult(Outcome<DutyListDiff>.Ok(new DutyListDiff(from, to,
            b.Items.Where(i => !before.ContainsKey(i.Code)).ToList(),
            a.Items.Where(i => !after.ContainsKey(i.Code)).ToList(),
            b.Items.Where(i => before.TryGetValue(i.Code, out var old) && old != i).ToList())));
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
        var record = new AdmissionRecord($"{_street.Code}.t{S.Admissions.Count + 1:D5}", task.Department, task.Community, task.Title.Trim(), task.Category,
            admitted, item?.Code, admitted ? ResponsibleFor(task.Department, item!) : null,
            refusal ?? $"列入清单第 {item!.Code} 项「{item.Title}」(on the list)", Current.Version, by, clock.Now());
        S.Admissions.Add(record);
        await state.WriteStateAsync();
        return Outcome<AdmissionRecord>.Ok(record);
    }

    /// <summary>The list item the task falls under (by item code, else by category), or why there is none.</summary>
    private (DutyItem? Item, string? Refusal) Match(PushedTask task)
    {
        var item = task.Item is { } code
            ? Current.Items.FirstOrDefault(i => i.Code == code)
            : Current.Items.Where(i => i.Category == task.Category).OrderBy(i => i.Kind == DutyKind.Returned).FirstOrDefault();
        if (item is null)
            return (null, $"清单之外无事项:「{task.Title}」不在{_street.Profile.Name}权责清单第 {Current.Version} 版中 (not on the duty list: no item {(task.Item is null ? $"of category '{task.Category}'" : $"'{task.Item}'")})");
        return item.Kind == DutyKind.Returned
            ? (item, $"「{item.Title}」已收回上级,不属于街道事项 (handed back up: not the street's duty)")
            : (item, null);
    }

    private string ResponsibleFor(string department, DutyItem item)
    {
        if (S.Agreements.LastOrDefault(a => a.Department == department && a.Item == item.Code) is { } agreement)
            return $"{agreement.Primary} (主责, 属地责任事项协议 {agreement.Id}; 次责 {agreement.Secondary})";
        var post = Current.Posts.FirstOrDefault(p => p.Code == item.Post);
        return post is null ? item.Post : $"{post.Name} {post.Holder}";
    }

    public Task<IReadOnlyList<AdmissionRecord>> GetAdmissionsAsync() => Task.FromResult<IReadOnlyList<AdmissionRecord>>(S.Admissions.ToList());

    public async Task<Outcome<DutyChange>> ApplyAsync(ChangeAction action, DutyItem item, string reason, Actor by)
    {
        var exists = Current.Items.Any(i => i.Code == item.Code);
        var problem = action switch
        {
            ChangeAction.Add when exists => $"item '{item.Code}' is already on the list",
            ChangeAction.Remove or ChangeAction.Modify when !exists => $"item '{item.Code}' is not on the list",
            _ when string.IsNullOrWhiteSpace(reason) || reason.Length > MaxText => $"a reason of 1–{MaxText} characters is required",
            _ when action != ChangeAction.Remove && (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Category)) => "the item needs a title and a category",
            _ when action != ChangeAction.Remove && Current.Posts.All(p => p.Code != item.Post) => $"post '{item.Post}' is not in the post catalogue (岗位目录)",
            _ => null,
        };
        if (problem is not null)
            return Outcome<DutyChange>.Refuse(Refusal.Invalid, problem);
        if (S.Changes.Any(c => c.Item.Code == item.Code && c.Status is ChangeStatus.Applied or ChangeStatus.Assessed))
            return Outcome<DutyChange>.Refuse(Refusal.Conflict, $"item '{item.Code}' already has a change in progress");
        var change = new DutyChange($"{_street.Code}.dc{S.Changes.Count + 1:D4}", action,
            action == ChangeAction.Remove ? Current.Items.First(i => i.Code == item.Code) : item with { Sample = false },
            reason.Trim(), ChangeStatus.Applied, by, clock.Now(), null, null, null, null, null);
        S.Changes.Add(change);
        await state.WriteStateAsync();
        return Outcome<DutyChange>.Ok(change);
    }

    public Task<Outcome<DutyChange>> AssessAsync(string changeId, bool favourable, string assessment, Actor by) =>
        DecideAsync(changeId, ChangeStatus.Applied, assessment, c => c with
        {
            Status = favourable ? ChangeStatus.Assessed : ChangeStatus.Rejected,
            Assessment = assessment.Trim(),
            AssessedBy = by,
            DecidedBy = favourable ? null : by,
        });

    public async Task<Outcome<DutyChange>> ApproveAsync(string changeId, string legalBasis, Actor by)
    {
        var outcome = await DecideAsync(changeId, ChangeStatus.Assessed, legalBasis, c => c with
        {
            Status = ChangeStatus.Approved,
            LegalBasis = legalBasis.Trim(),
            DecidedBy = by,
            NewVersion = Current.Version + 1,
        }, persist: false);
        if (!outcome.IsOk)
            return outcome;
        var change = outcome.Value!;
        var items = change.Action switch
        {
            ChangeAction.Add => Current.Items.Append(change.Item),
            ChangeAction.Remove => Current.Items.Where(i => i.Code != change.Item.Code),
            _ => Current.Items.Select(i => i.Code == change.Item.Code ? change.Item : i),
        };
        S.Versions.Add(new DutyListVersion(change.NewVersion!.Value, by.Label, clock.Now(), change.LegalBasis!, change.Id, Current.Posts, items.ToList()));
        await state.WriteStateAsync();
        return outcome;
    }

    private async Task<Outcome<DutyChange>> DecideAsync(string changeId, ChangeStatus expected, string text, Func<DutyChange, DutyChange> decide, bool persist = true)
    {
        var index = S.Changes.FindIndex(c => c.Id == changeId);
        if (index < 0)
            return Outcome<DutyChange>.Refuse(Refusal.NotFound, $"change '{changeId}' does not exist");
        if (S.Changes[index].Status != expected)
            return Outcome<DutyChange>.Refuse(Refusal.Conflict, $"change '{changeId}' is {S.Changes[index].Status}, not {expected}");
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
            return Outcome<DutyChange>.Refuse(Refusal.Invalid, $"1–{MaxText} characters of assessment or legal basis are required");
        S.Changes[index] = decide(S.Changes[index]);
        if (persist)
            await state.WriteStateAsync();
        return Outcome<DutyChange>.Ok(S.Changes[index]);
    }

    public Task<IReadOnlyList<DutyChange>> GetChangesAsync() => Task.FromResult<IReadOnlyList<DutyChange>>(S.Changes.ToList());

    public async Task<Outcome<TerritorialAgreement>> FileAgreementAsync(string department, string item, string primary, string secondary, Actor by)
    {
        if (Current.Items.All(i => i.Code != item))
            return Outcome<TerritorialAgreement>.Refuse(Refusal.Invalid, $"item '{item}' is not on the current list");
        if (new[] { department, primary, secondary }.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 100) || primary == secondary)
            return Outcome<TerritorialAgreement>.Refuse(Refusal.Invalid, "an agreement names the department and two different parties, primary and secondary");
        var agreement = new TerritorialAgreement($"{_street.Code}.ag{S.Agreements.Count + 1:D3}", department, item, primary.Trim(), secondary.Trim(), by, clock.Now());
        S.Agreements.Add(agreement);
        await state.WriteStateAsync();
        return Outcome<TerritorialAgreement>.Ok(agreement);
    }

    public Task<IReadOnlyList<TerritorialAgreement>> GetAgreementsAsync() => Task.FromResult<IReadOnlyList<TerritorialAgreement>>(S.Agreements.ToList());
}
