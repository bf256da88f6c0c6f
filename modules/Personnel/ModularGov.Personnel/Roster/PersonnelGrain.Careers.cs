using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Roster;

// The roster and the career ladder.
internal sealed partial class PersonnelGrain
{
    public async Task<Person?> GetPersonAsync(string personId) =>
        _positions.TryGetValue(personId, out var at) ? await _people.GetAsync(at) : null;

    public Task<Page<Person>> ListPeopleAsync(int after, int limit) => _people.ReadPageAsync(after, limit, state.State.PersonCount);

    public async Task<Outcome<Person>> SetNumbersAsync(string personId, SealedNumber? identity, SealedNumber? phone, Actor by)
    {
        if (!_positions.TryGetValue(personId, out var at))
            return Outcome<Person>.Refuse(Refusal.NotFound, $"没有人员 {personId} (no such person)");
        var person = await _people.GetAsync(at);
        var kept = person with { Identity = identity ?? person.Identity, Phone = phone ?? person.Phone };
        await _people.SetAsync(at, kept);
        return Outcome<Person>.Ok(kept);
    }

    public async Task<Outcome<Person>> MoveAsync(string personId, CareerRung to, CareerChannel channel, string approvedBy, Actor by)
    {
        if (!_positions.TryGetValue(personId, out var at))
            return Outcome<Person>.Refuse(Refusal.NotFound, $"没有人员 {personId} (no such person)");
        var person = await _people.GetAsync(at);
        if (!person.Active)
            return Outcome<Person>.Refuse(Refusal.Conflict, $"{person.Name} 已不在册 ({personId} is no longer on the roster)");
        if (CareerLadder.Refusal(person.Rung, person.Committee, to, channel) is { } refusal)
            return Outcome<Person>.Refuse(Refusal.Invalid, refusal);
        if (string.IsNullOrWhiteSpace(approvedBy))
            return Outcome<Person>.Refuse(Refusal.Invalid, "须写明批准机关 (say who approved the move)");
        var move = new CareerMove
        {
            Person = personId, From = person.Rung, To = to, Committee = person.Committee, Channel = channel, On = clock.Today(), ApprovedBy = approvedBy.Trim(),
            Sample = false, By = by,
        };
        var office = CareerLadder.IsOfficeRung(to);
        var moved = person with
        {
            Rung = to,
            Community = office ? null : person.Community,
            Committee = office ? CommitteeRole.None : person.Committee,
            Post = null,
            Moves = [.. person.Moves, move],
        };
        await _people.SetAsync(at, moved);
        _counts.Add(person, -1);
        _counts.Add(moved, +1);
        return Outcome<Person>.Ok(moved);
    }

    public Task<IReadOnlyList<MoveCount>> GetMoveCountsAsync() => Task.FromResult(_counts.MoveCounts());

    public Task<IReadOnlyDictionary<string, int>> GetGraduatesByCommunityAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(_counts.GraduatesByCommunity));
}
