using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Personnel;

namespace ModularGov.Personnel.Views;

// What the API and the console show of people: never the sealed numbers, only their masks. Public because the pages
// (Razor components) that take them are.

/// <summary>A person as lists and exports show them: identity and phone numbers masked (110***********1234, 138****5678).</summary>
public sealed record PersonSummary(string Id, string Name, CareerRung Rung, string RungName, string? Community, CommitteeRole Committee, string? Post,
    int? GraduateYear, bool Active, string? Identity, string? Phone, bool Sample)
{
    public static PersonSummary Of(Person person) => new(person.Id, person.Name, person.Rung, CareerLadder.Words.Of(person.Rung), person.Community,
        person.Committee, person.Post, person.GraduateYear, person.Active, person.Identity?.Masked, person.Phone?.Masked, person.Sample);
}

/// <summary>A person with their career: every move, oldest first.</summary>
public sealed record PersonCareer(PersonSummary Person, IReadOnlyList<CareerMove> Moves);

/// <summary>One duty of the list, as a post carries it.</summary>
public sealed record PostDuty(string Code, string Title);

/// <summary>Who holds a post.</summary>
public sealed record PostHolder(string Id, string Name);

/// <summary>岗位目录: a post, its holder (null: none) and the duties bound to it (定责定岗定人).</summary>
public sealed record PostView(string Code, string Name, PostHolder? Holder, IReadOnlyList<PostDuty> Duties);

/// <summary>The catalogue's gaps: duties bound to no post of the catalogue, and posts no one holds (with the duties left uncovered).</summary>
public sealed record PostGaps(IReadOnlyList<PostDuty> DutiesWithoutPost, IReadOnlyList<PostView> PostsWithoutHolder);
