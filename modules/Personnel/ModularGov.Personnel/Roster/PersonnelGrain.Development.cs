using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Development;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Roster;

// Star ratings of party secretaries and the three training tiers.
internal sealed partial class PersonnelGrain
{
    public async Task<Outcome<StarRating>> RateAsync(string personId, string period, IReadOnlyDictionary<string, int> points, Actor by)
    {
        if (await FindActiveAsync(personId) is not ({ } person, var at))
            return Outcome<StarRating>.Refuse(Refusal.NotFound, $"没有在册人员 {personId} (no such person on the roster)");
        if (person.Committee != CommitteeRole.Secretary)
            return Outcome<StarRating>.Refuse(Refusal.Invalid, $"星级评定只评村(社区)党组织书记,{person.Name} 不是书记 (only party secretaries are star-rated)");
        if (!StarRule.PeriodPattern().IsMatch(period))
            return Outcome<StarRating>.Refuse(Refusal.Invalid, $"评定期 '{period}' 须为 2026、2026-H1 或 2026-Q1 (the period is a year, a half or a quarter)");
        var scored = StarRule.Score(options, points);
        if (!scored.IsOk)
            return Outcome<StarRating>.Refuse(scored.Refusal!.Value, scored.Reason!);
        var rating = new StarRating
        {
            Id = $"{Street}.sr{state.State.RatingCount + 1:0000}", Person = personId, Period = period, Scores = scored.Value!.Scores, Total = scored.Value.Total,
            Stars = scored.Value.Stars, MonthlyPay = scored.Value.MonthlyPay, RatedOn = clock.Today(), By = by,
        };
        await _ratings.AppendAsync(state.State.RatingCount, rating);
        await _people.SetAsync(at, person with { Stars = rating.Stars, RatedPeriod = period });
        state.State.RatingCount++;
        await state.WriteStateAsync();
        return Outcome<StarRating>.Ok(rating);
    }

    public Task<Page<StarRating>> ListRatingsAsync(int after, int limit) => _ratings.ReadPageAsync(after, limit, state.State.RatingCount);

    public Task<IReadOnlyList<StarRating>> ListLatestRatingsAsync(int limit) =>
        _ratings.ReadAsync(Math.Max(0, state.State.RatingCount - limit), limit, state.State.RatingCount);

    public Task<IReadOnlyList<TrainingRecord>> ListLatestTrainingAsync(int limit) =>
        _training.ReadAsync(Math.Max(0, state.State.TrainingCount - limit), limit, state.State.TrainingCount);

    public async Task<Outcome<TrainingRecord>> EnrolAsync(string personId, TrainingTier tier, string course, string? mentorId, Actor by)
    {
        if (await FindActiveAsync(personId) is not ({ } person, _))
            return Outcome<TrainingRecord>.Refuse(Refusal.NotFound, $"没有在册人员 {personId} (no such person on the roster)");
        if (string.IsNullOrWhiteSpace(course))
            return Outcome<TrainingRecord>.Refuse(Refusal.Invalid, "须写明课程 (name the course)");
        if (tier == TrainingTier.Newcomers && (mentorId is null || mentorId == personId || await FindActiveAsync(mentorId) is not ({ }, _)))
            return Outcome<TrainingRecord>.Refuse(Refusal.Invalid, "雏雁帮带须结对一名在册的导师(不能是本人) (a newcomer is paired with a mentor on the roster, not themselves)");
        var key = $"{personId}|{tier}";
        if (state.State.OpenTrainings.ContainsKey(key))
            return Outcome<TrainingRecord>.Refuse(Refusal.Conflict, $"{person.Name} 已报名该层级培训且未结业 ({personId} is already enrolled in this tier)");
        var record = new TrainingRecord
        {
            Id = $"{Street}.tr{state.State.TrainingCount + 1:0000}", Person = personId, Tier = tier, Course = course.Trim(),
            Mentor = tier == TrainingTier.Newcomers ? mentorId : null, EnrolledOn = clock.Today(), By = by,
        };
        await _training.AppendAsync(state.State.TrainingCount, record);
        state.State.OpenTrainings[key] = state.State.TrainingCount;
        state.State.TrainingCount++;
        await state.WriteStateAsync();
        return Outcome<TrainingRecord>.Ok(record);
    }

    public async Task<Outcome<TrainingRecord>> CompleteTrainingAsync(string trainingId, Actor by)
    {
        var open = state.State.OpenTrainings.FirstOrDefault(o => $"{Street}.tr{o.Value + 1:0000}" == trainingId);
        if (open.Key is null)
            return Outcome<TrainingRecord>.Refuse(Refusal.NotFound, $"没有未结业的培训 {trainingId} (no open enrolment {trainingId})");
        var done = await _training.GetAsync(open.Value) with { CompletedOn = clock.Today() };
        await _training.SetAsync(open.Value, done);
        if (_positions.TryGetValue(done.Person, out var at))
            await _people.SetAsync(at, await _people.GetAsync(at) with { LastTrainedOn = done.CompletedOn });
        state.State.OpenTrainings.Remove(open.Key);
        await state.WriteStateAsync();
        return Outcome<TrainingRecord>.Ok(done);
    }

    public Task<Page<TrainingRecord>> ListTrainingAsync(int after, int limit) => _training.ReadPageAsync(after, limit, state.State.TrainingCount);

    public async Task<IReadOnlyList<Person>> GetUntrainedAsync()
    {
        var since = clock.Today().AddDays(-options.TrainingLookbackDays);
        var people = await _people.ReadAsync(0, state.State.PersonCount, state.State.PersonCount);
        return people.Where(p => p.Active && (p.LastTrainedOn is not { } last || last < since)).ToList();
    }

    /// <summary>The person on the roster and their position, if they are active.</summary>
    private async Task<(Person? Person, int At)> FindActiveAsync(string personId)
    {
        if (!_positions.TryGetValue(personId, out var at))
            return (null, -1);
        var person = await _people.GetAsync(at);
        return person.Active ? (person, at) : (null, -1);
    }
}
