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
}
