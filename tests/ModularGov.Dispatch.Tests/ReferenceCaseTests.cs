using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Dispatch.Tests;

/// <summary>
/// The reference case (DOMAIN.md §3): 北大街街道 东沟社区, a compound built in 1984, 38 households without water
/// because the mains leak. The community escalates; the centre verifies, deliberates, coordinates the water
/// company and closes it in 7 working days, on time.
/// </summary>
public sealed class ReferenceCaseTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Donggou = DispatchCluster.Person("东沟社区", "community-worker", "community:beidajie.donggou");
    private static readonly Actor Investigation = DispatchCluster.Person("调查核实组", "dispatch-staff", "district");
    private static readonly Actor Deliberation = DispatchCluster.Person("会商研判组", "dispatch-staff", "district");
    private static readonly Actor Coordination = DispatchCluster.Person("综合协调组", "dispatch-staff", "district");
    private static readonly Actor WaterCompany = DispatchCluster.Person("供水公司", "department-staff", "department:water");

    [Fact]
    public async Task Donggou_1984_compound_without_water_is_closed_in_seven_working_days_on_time()
    {
        var compound = DispatchCluster.Streets.Loaded.Single(s => s.Code == "beidajie").Layout.Compounds.Single(c => c.Name == "东沟1984小区");
        compound.BuildYear.ShouldBe(1984);
        compound.Households.ShouldBe(38);
        var centre = cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);

        // 接: the community reports it straight to the centre on Wed 6 May 2026, 09:00, after the May Day holiday.
        var receipt = (await centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Community,
            SourceRef = "donggou-water-1",
            Street = "beidajie",
            Community = "donggou",
            Category = ProblemCategory.Facilities,
            Description = "东沟1984小区供水管网漏损,38户停水,社区协调无果",
            Place = "东沟1984小区",
            Compound = compound.Code,
            By = Donggou,
        }, "community:donggou-water-1")).Value!;
        receipt.Duplicate.ShouldBeFalse();
        var @case = cluster.Silo(1).GetGrain<IDispatchCaseGrain>(receipt.CaseId);
        var opened = (await @case.GetAsync())!;
        opened.Urgency.ShouldBe(Urgency.Ordinary);
        // 7 working days: Thu 7, Fri 8, Sat 9 (调休 make-up day), Mon 11, Tue 12, Wed 13, Thu 14 May.
        opened.Deadline.ShouldBe(new DateTimeOffset(2026, 5, 14, 9, 0, 0, ChinaTime.Offset));

        // 判: verify, then deliberate at the working-group level: the water company leads, housing assists.
        cluster.Clock.Advance(TimeSpan.FromHours(3));
        (await @case.VerifyAsync("入户核实:主管道锈蚀渗漏,产权不清,物业、供水公司职责交叉", "老旧管网产权不清", Investigation)).IsOk.ShouldBeTrue();
        cluster.Clock.Advance(TimeSpan.FromHours(5));
        var assigned = (await @case.DeliberateAsync("water", ["housing"], null, Deliberation)).Value!;
        assigned.Step.ShouldBe(CaseStep.Assigned);
        assigned.Level.ShouldBe(DeliberationLevel.WorkingGroup);

        // 办: the coordination group calls the units together; the water company reports; the community confirms.
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        (await @case.CoordinateAsync(["water", "housing"], "现场会:供水公司负责主管道更换,住建局协调产权", Coordination)).IsOk.ShouldBeTrue();
        (await @case.ReportProgressAsync("water", "已进场施工,临时送水车保障", WaterCompany)).Value!.Step.ShouldBe(CaseStep.Handling);
        cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 16, 0, 0, ChinaTime.Offset));
        (await @case.ReportProgressAsync("water", "主管道更换完毕,恢复供水", WaterCompany)).IsOk.ShouldBeTrue();
        var closed = (await @case.ConfirmClosureAsync("38户已恢复供水,居民确认", Donggou)).Value!;
        closed.Step.ShouldBe(CaseStep.Closed);
        closed.OnTime.ShouldBe(true);
        closed.TimelinessScore.ShouldBe(100);
        closed.Overdue.ShouldBeFalse();

        // 评: the community rates it for its residents.
        var evaluated = (await @case.EvaluateAsync(5, "居民满意", Donggou)).Value!;
        evaluated.Step.ShouldBe(CaseStep.Evaluated);
        evaluated.History.Select(h => h.Action).ShouldBe(["receive", "verify", "deliberate", "coordinate", "progress", "progress", "confirm-closure", "evaluate"]);

        var board = await centre.GetBoardAsync(new BoardQuery
        {
            Streets = ["beidajie"],
            Step = CaseStep.Evaluated,
        });
        var entry = board.Cases.Single(c => c.Id == receipt.CaseId);
        (entry.Lead, entry.OnTime, entry.Satisfaction, entry.Step).ShouldBe(("water", (bool?)true, (int?)5, CaseStep.Evaluated));
    }
}
