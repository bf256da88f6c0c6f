using ModularGov.Duties.Contracts;
using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Roster;

// 定责定岗定人: who holds which post of the street's post catalogue (the Duties module's, read through its contract).
internal sealed partial class PersonnelGrain
{
    public async Task<Outcome<Person>> AssignPostAsync(string personId, string? post, Actor by)
    {
        if (await FindActiveAsync(personId) is not ({ } person, var at))
            return Outcome<Person>.Refuse(Refusal.NotFound, $"没有在册人员 {personId} (no such person on the roster)");
        if (post is not null)
        {
            if (CareerLadder.IsOfficeRung(person.Rung) is false)
                return Outcome<Person>.Refuse(Refusal.Invalid, $"岗位目录的岗位由街道办工作人员担任,{person.Name} 是{CareerLadder.Words.Of(person.Rung)} (posts are held by the street office's staff)");
            var catalogue = (await GrainFactory.GetGrain<IDutyListGrain>(Street).GetCurrentAsync()).Posts;
            if (catalogue.All(p => p.Code != post))
                return Outcome<Person>.Refuse(Refusal.Invalid, $"岗位 {post} 不在岗位目录中 (post {post} is not in the street's post catalogue: {string.Join(", ", catalogue.Select(p => p.Code))})");
            if ((await GetPostHoldersAsync()).GetValueOrDefault(post) is { } holder && holder.Id != personId)
                return Outcome<Person>.Refuse(Refusal.Conflict, $"岗位 {post} 已由 {holder.Name} ({holder.Id}) 担任:一岗一人 (the post has a holder; move them first)");
        }
        var assigned = person with { Post = post };
        await _people.SetAsync(at, assigned);
        return Outcome<Person>.Ok(assigned);
    }

    public async Task<IReadOnlyDictionary<string, Person>> GetPostHoldersAsync()
    {
        var people = await _people.ReadAsync(0, state.State.PersonCount, state.State.PersonCount);
        return people.Where(p => p.Active && p.Post is not null).GroupBy(p => p.Post!).ToDictionary(g => g.Key, g => g.First());
    }
}
