using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

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

/// <summary>How many moves a street has had on each path of the ladder, with the three the seed reports named.</summary>
public sealed record Promotions(int Total, int GridWorkersToCommunityWorkers, int Selection, int DirectedRecruitment, IReadOnlyList<MoveCount> ByPath)
{
    public static Promotions Of(IReadOnlyList<MoveCount> counts) => new(counts.Sum(c => c.Count),
        counts.Where(c => c.Channel == CareerChannel.Step && c.From == CareerRung.GridWorker && c.To == CareerRung.CommunityWorker).Sum(c => c.Count),
        counts.Where(c => c.Channel == CareerChannel.Selection).Sum(c => c.Count),
        counts.Where(c => c.Channel == CareerChannel.DirectedRecruitment).Sum(c => c.Count),
        counts);
}

/// <summary>A street's secondments: the counts, and those still out, overdue first.</summary>
public sealed record StreetSecondments(SecondmentCounts Counts, IReadOnlyList<Secondment> Open);

/// <summary>A community or village with no graduate.</summary>
public sealed record UncoveredCommunity(string Street, string Community, string Name);

/// <summary>大学生 coverage across the district: how many graduates are on the rosters, and the communities and villages with none.</summary>
public sealed record GraduateCoverage(int Recruited, int Communities, int Covered, IReadOnlyList<UncoveredCommunity> Uncovered)
{
    /// <summary>Asks each street's personnel grain for its graduates by community.</summary>
    public static async Task<GraduateCoverage> ReadAsync(IStreetDirectory streets, IGrainFactory grains)
    {
        var recruited = 0;
        var communities = 0;
        var uncovered = new List<UncoveredCommunity>();
        foreach (var street in streets.All)
        {
            var graduates = await grains.GetGrain<IPersonnelGrain>(street.Code).GetGraduatesByCommunityAsync();
            foreach (var community in street.Profile.Communities)
            {
                communities++;
                var count = graduates.GetValueOrDefault(community.Code);
                recruited += count;
                if (count == 0)
                    uncovered.Add(new UncoveredCommunity(street.Code, community.Code, community.Name));
            }
        }
        return new GraduateCoverage(recruited, communities, communities - uncovered.Count, uncovered);
    }
}

/// <summary>One duty of the list, as a post carries it.</summary>
public sealed record PostDuty(string Code, string Title);

/// <summary>Who holds a post.</summary>
public sealed record PostHolder(string Id, string Name);

/// <summary>岗位目录: a post, its holder (null: none) and the duties bound to it (定责定岗定人).</summary>
public sealed record PostView(string Code, string Name, PostHolder? Holder, IReadOnlyList<PostDuty> Duties);

/// <summary>The catalogue's gaps: duties bound to no post of the catalogue, and posts no one holds (with the duties left uncovered).</summary>
public sealed record PostGaps(IReadOnlyList<PostDuty> DutiesWithoutPost, IReadOnlyList<PostView> PostsWithoutHolder);
