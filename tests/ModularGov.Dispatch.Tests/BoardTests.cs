using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Tests;

/// <summary>The board comes in pages by deadline across a street's many pages of cases, each case once.</summary>
public sealed class BoardTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Street = DispatchCluster.Person("上站街道办", "street-operator", "street:shangzhan");

    [Fact]
    public async Task Paging_through_the_board_gives_every_open_case_once_in_deadline_order()
    {
        var centre = cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var opened = new HashSet<string>();
        // Emergencies (2 h) received later have later deadlines than ordinary cases (7 working days) received earlier,
        // so deadline order is not arrival order; 300 cases fill three pages of the street's list.
        for (var n = 0; n < 300; n++)
        {
            var report = new NewCase
            {
                Source = CaseSource.Street,
                SourceRef = $"board-{n}",
                Street = "shangzhan",
                Community = "shizhengfudayuan",
                Category = ProblemCategory.Other,
                Description = $"第{n}件",
                Place = $"大院{n}号",
                Urgency = n % 3 == 0 ? Urgency.Emergency : Urgency.Ordinary,
                ReceivedAt = cluster.Clock.GetUtcNow().AddMinutes(n),
                By = Street,
            };
            opened.Add((await centre.ReceiveAsync(report, $"board:{n}")).Value!.CaseId);
        }

        var seen = new List<CaseIndexEntry>();
        string? after = null;
        do
        {
            var page = await centre.GetBoardAsync(new BoardQuery
            {
                Streets = ["shangzhan"],
                After = after,
                Limit = 40,
            });
            page.Cases.Count.ShouldBeLessThanOrEqualTo(40);
            seen.AddRange(page.Cases);
            after = page.Next;
        } while (after is not null);

        seen.Count(c => opened.Contains(c.Id)).ShouldBe(300);
        seen.Select(c => c.Id).Distinct().Count().ShouldBe(seen.Count);
        seen.Select(c => (c.Deadline, c.Id)).ShouldBe(seen.Select(c => (c.Deadline, c.Id)).OrderBy(d => d.Deadline).ThenBy(d => d.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_district_board_pages_through_streets_of_very_different_sizes_without_skipping_a_case()
    {
        var centre = cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var opened = new HashSet<string>();
        // 150 cases in one street, 10 in another, none in a third: the big street's share of a page runs out before the
        // page does, so the board has to ask it for more.
        foreach (var (street, community, count) in new[] { ("nanshanlu", "nanshan", 150), ("beidajie", "donggou", 10) })
            for (var n = 0; n < count; n++)
                opened.Add((await centre.ReceiveAsync(new NewCase
                {
                    Source = CaseSource.Street,
                    SourceRef = $"{street}-board-{n}",
                    Street = street,
                    Community = community,
                    Category = ProblemCategory.Other,
                    Description = $"第{n}件",
                    Place = $"{street}{n}号",
                    Urgency = n % 4 == 0 ? Urgency.Emergency : Urgency.Ordinary,
                    ReceivedAt = cluster.Clock.GetUtcNow().AddMinutes(n),
                    By = DispatchCluster.Person("区指挥中心", "district-admin", "district"),
                }, $"{street}-board:{n}")).Value!.CaseId);

        var seen = new List<CaseIndexEntry>();
        string? after = null;
        do
        {
            var page = await centre.GetBoardAsync(new BoardQuery { Streets = ["nanshanlu", "beidajie", "yijing"], After = after, Limit = 40 });
            page.Cases.Count.ShouldBeLessThanOrEqualTo(40);
            seen.AddRange(page.Cases);
            after = page.Next;
        } while (after is not null);

        seen.Count(c => opened.Contains(c.Id)).ShouldBe(160);
        seen.Select(c => c.Id).Distinct().Count().ShouldBe(seen.Count);
        seen.Select(c => (c.Deadline, c.Id)).ShouldBe(seen.Select(c => (c.Deadline, c.Id)).OrderBy(d => d.Deadline).ThenBy(d => d.Id, StringComparer.Ordinal));
    }
}
