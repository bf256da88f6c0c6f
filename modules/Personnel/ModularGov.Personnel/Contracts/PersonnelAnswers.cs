using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Personnel.Contracts;

// Answers built from the personnel grains' figures, for the API, the console and the host's verbs alike.

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
