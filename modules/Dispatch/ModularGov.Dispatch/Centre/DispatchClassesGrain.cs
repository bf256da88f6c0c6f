using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Dispatch.Centre;

[GenerateSerializer]
internal sealed class ClassesState
{
    [Id(0)] public int PromptCount { get; set; }
}

/// <summary>The latest cases of one class (<c>dispatch-class/{key}</c>) and the prompt still waiting for its standing fix.</summary>
[GenerateSerializer]
internal sealed class ClassMembers
{
    [Id(0)] public List<PlaceCase> Cases { get; set; } = [];
    [Id(1)] public string? OpenPrompt { get; set; }
}

/// <summary>
/// 从一件事到一类事: the same category, place and cause coming back often enough prompts a standing fix. Each class keeps
/// its latest cases in a record of its own; prompts are a paged list. Cases report here; this grain calls no case.
/// </summary>
internal sealed class DispatchClassesGrain(
    [PersistentState("dispatch-classes", GrainStorage.Name)] IPersistentState<ClassesState> state,
    Units units,
    DispatchOptions options,
    TimeProvider clock) : Grain, IDispatchClassesGrain
{
    /// <summary>Cases a class remembers: more than the repeat threshold ever needs within its window.</summary>
    private const int RememberedCases = 32;

    private PagedList<ClassPrompt> _prompts = null!;
    private RecordStore<ClassMembers> _classes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _prompts = new PagedList<ClassPrompt>(storage, "dispatch-class-prompts", IDispatchClassesGrain.Key);
        _classes = new RecordStore<ClassMembers>(storage, "dispatch-class");
        return Task.CompletedTask;
    }

    public async Task ReportAsync(CaseIndexEntry entry)
    {
        if (entry.Cause is null)
            return;
        var key = ClassKey(entry);
        var members = await _classes.ReadAsync(key) ?? new Stored<ClassMembers>(key, new ClassMembers());
        if (members.Value.Cases.Any(c => c.CaseId == entry.Id))
            return;
        members.Value.Cases.Add(new PlaceCase(entry.Id, entry.ReceivedAt));
        if (members.Value.Cases.Count > RememberedCases)
            members.Value.Cases.RemoveAt(0);
        var window = TimeSpan.FromDays(options.ClassWindowDays);
        var recent = members.Value.Cases.Where(c => (entry.ReceivedAt - c.ReceivedAt).Duration() <= window).Select(c => c.CaseId).Order().ToList();
        if (members.Value.OpenPrompt is null && recent.Count >= options.ClassRepeatCases)
        {
            var prompt = new ClassPrompt
            {
                Id = $"cl{state.State.PromptCount + 1:D4}",
                Key = key,
                Category = entry.Category,
                Place = $"{entry.Street}.{entry.Community} {IntakeRules.PlaceKey(entry.Compound, entry.Place)}",
                Cause = entry.Cause,
                CaseIds = recent,
                PromptedAt = clock.Now(),
            };
            await _prompts.AppendAsync(state.State.PromptCount, prompt);
            state.State.PromptCount++;
            await state.WriteStateAsync();
            members.Value.OpenPrompt = prompt.Id;
        }
        await _classes.WriteAsync(members);
    }

    public async Task<ClassPage> ListAsync(int after, int limit)
    {
        limit = Math.Clamp(limit, 1, ClassPage.MaxLimit);
        var from = Math.Max(0, after);
        var prompts = await _prompts.ReadAsync(from, limit, state.State.PromptCount);
        return new ClassPage(prompts, from + prompts.Count < state.State.PromptCount ? from + prompts.Count : null);
    }

    public async Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by)
    {
        if (Position(promptId) is not { } index)
            return Outcome<ClassPrompt>.Refuse(Refusal.NotFound, $"class prompt '{promptId}' does not exist");
        if (string.IsNullOrWhiteSpace(measure) || measure.Length > DispatchCaseGrain.MaxText)
            return Outcome<ClassPrompt>.Refuse(Refusal.Invalid, $"measure is required: 1–{DispatchCaseGrain.MaxText} characters");
        if (units.Find(owner) is null)
            return Outcome<ClassPrompt>.Refuse(Refusal.Invalid, $"unknown unit '{owner}'");
        var prompt = await _prompts.GetAsync(index);
        if (prompt.StandingFix is not null)
            return Outcome<ClassPrompt>.Refuse(Refusal.Conflict, $"class prompt '{promptId}' already has a standing fix");
        var fixedPrompt = prompt with { StandingFix = measure.Trim(), FixOwner = owner, FixedBy = by };
        await _prompts.SetAsync(index, fixedPrompt);
        if (await _classes.ReadAsync(prompt.Key) is { } members && members.Value.OpenPrompt == promptId)
        {
            members.Value.OpenPrompt = null;
            await _classes.WriteAsync(members);
        }
        return Outcome<ClassPrompt>.Ok(fixedPrompt);
    }

    /// <summary>The list position of a prompt id <c>cl0001</c>, or null if it names no prompt.</summary>
    private int? Position(string promptId) =>
        promptId.StartsWith("cl", StringComparison.Ordinal) && promptId.Length <= 12
        && int.TryParse(promptId.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number >= 1 && number <= state.State.PromptCount && $"cl{number:D4}" == promptId
            ? number - 1
            : null;

    private static string ClassKey(CaseIndexEntry c) =>
        $"{c.Category}|{c.Street}.{c.Community}|{IntakeRules.PlaceKey(c.Compound, c.Place)}|{c.Cause!.Trim().ToLowerInvariant()}";
}
