using ModularGov.Personnel.Careers;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Personnel;

/// <summary>
/// What a street ships for its people must hold together before the host serves it: ids unique, everyone in a community the
/// street has (or in the street office, for the office's rungs), posts from its own post catalogue held by the person the
/// duty list names, no more people on the roster than posts, and a history every step of which the ladder allows.
/// </summary>
internal static class PersonnelDataCheck
{
    public static IReadOnlyList<string> Check(IStreet street)
    {
        var data = street.Personnel;
        var problems = new List<string>();
        var plan = data.Staffing;
        if (plan.StaffBefore < 0 || plan.BasicPosts < 0 || plan.QuantifiedPosts < 0 || plan.TurnoverPosts < 0 || plan.CommunityWorkers < 0 || plan.AddedPosts < 0)
            problems.Add("personnel.json: staffing figures must not be negative");
        foreach (var twin in data.People.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            problems.Add($"personnel.json: person id '{twin.Key}' appears {twin.Count()} times");
        var posts = street.Duties.List.Posts.ToDictionary(p => p.Code);
        foreach (var person in data.People)
            problems.AddRange(CheckPerson(street, person, posts));
        foreach (var shared in data.People.Where(p => p.Post is not null).GroupBy(p => p.Post).Where(g => g.Count() > 1))
            problems.Add($"personnel.json: post '{shared.Key}' is held by {shared.Count()} people ({string.Join(", ", shared.Select(p => p.Id))}); a post has one holder (定岗定人)");
        foreach (var post in posts.Values)
            if (data.People.FirstOrDefault(p => p.Post == post.Code) is { } holder && holder.Name != post.Holder)
                problems.Add($"personnel.json: post '{post.Code}' is held by {holder.Name} ({holder.Id}) but duties.json names {post.Holder}");
        var office = data.People.Count(p => p.Community is null);
        if (office > plan.StaffAfter)
            problems.Add($"personnel.json: {office} street-office staff on the roster but only {plan.StaffAfter} posts (basic + quantified)");
        var workers = data.People.Count(p => p.Rung == CareerRung.CommunityWorker);
        if (workers > plan.CommunityWorkers)
            problems.Add($"personnel.json: {workers} community workers on the roster but staffing allows {plan.CommunityWorkers}");
        problems.AddRange(CheckHistory(data));
        return problems;
    }

    private static IEnumerable<string> CheckPerson(IStreet street, PersonRecord person, Dictionary<string, SharedKernel.Duties.Post> posts)
    {
        if (!PlaceIds.IsNumbered($"{street.Code}.{person.Id}", $"{street.Code}.r"))
            yield return $"personnel.json: person id '{person.Id}' must be r followed by digits (r0001)";
        if (string.IsNullOrWhiteSpace(person.Name) || person.Name.Length > PersonnelLimits.Name)
            yield return $"personnel.json: person '{person.Id}' needs a name of 1–{PersonnelLimits.Name} characters";
        if (person.Community is { } community && street.Profile.Community(community) is null)
            yield return $"personnel.json: person '{person.Id}' is in community '{community}', which the street does not have";
        if ((person.Community is null) != CareerLadder.IsOfficeRung(person.Rung))
            yield return $"personnel.json: person '{person.Id}' is {person.Rung} " +
                (person.Community is null ? "but in no community" : "but in a community; public-institution staff and civil servants are the street office's");
        if (person.Post is { } post && !posts.ContainsKey(post))
            yield return $"personnel.json: person '{person.Id}' holds post '{post}', which is not in duties.json's post catalogue";
        if (person.GraduateYear is < 1980 or > 2100)
            yield return $"personnel.json: person '{person.Id}' has graduate year {person.GraduateYear}";
    }

    private static IEnumerable<string> CheckHistory(StreetPersonnel data)
    {
        var people = data.People.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        foreach (var (move, index) in data.Moves.Select((m, i) => (m, i)))
        {
            if (!people.TryGetValue(move.Person, out var person))
                yield return $"personnel.json: move {index + 1} is of '{move.Person}', who is not on the roster";
            else if (CareerLadder.Refusal(move.From, move.Committee, move.To, move.Channel) is { } refusal)
                yield return $"personnel.json: move {index + 1} of '{move.Person}' is not allowed: {refusal}";
            else if (data.Moves.Where(m => m.Person == move.Person).MaxBy(m => m.On) == move && person.Rung != move.To)
                yield return $"personnel.json: '{move.Person}' last moved to {move.To} but the roster has {person.Rung}";
        }
        foreach (var (secondment, index) in data.Secondments.Select((s, i) => (s, i)))
        {
            if (!people.ContainsKey(secondment.Person))
                yield return $"personnel.json: secondment {index + 1} is of '{secondment.Person}', who is not on the roster";
            if (secondment.ReturnBy < secondment.From || secondment.ReturnedOn < secondment.From)
                yield return $"personnel.json: secondment {index + 1} of '{secondment.Person}' ends before it starts";
            if (string.IsNullOrWhiteSpace(secondment.Approver) || string.IsNullOrWhiteSpace(secondment.Approval))
                yield return $"personnel.json: secondment {index + 1} of '{secondment.Person}' has no approval (approver and approval number)";
        }
    }
}
