using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Tests;

/// <summary>Intake and a case never wait on each other; every report reaches its case; a case keeps its deadline reminder.</summary>
public sealed class IntakeConcurrencyTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Staff = DispatchCluster.Person("调度员", "dispatch-staff", "district");
    private static readonly Actor Street = DispatchCluster.Person("南山路街道办", "street-operator", "street:nanshanlu");
    private static readonly Actor Urban = DispatchCluster.Person("城管", "department-staff", "department:urban");

    private IDispatchCentreGrain Centre => cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);

    private static NewCase Report(string sourceRef, string place, string description) => new()
    {
        Source = CaseSource.Hotline,
        SourceRef = sourceRef,
        Street = "nanshanlu",
        Community = "nanshan",
        Category = ProblemCategory.Environment,
        Description = description,
        Place = place,
        By = Street,
    };

    [Fact]
    public async Task Duplicates_arriving_while_the_case_is_stepped_all_reach_the_case()
    {
        var place = $"桃园路{Guid.NewGuid():N}"[..12];
        var first = (await Centre.ReceiveAsync(Report("12345:first", place, "垃圾堆放"), $"hotline:{place}:first")).Value!;
        var @case = cluster.Silo(1).GetGrain<IDispatchCaseGrain>(first.CaseId);

        var steps = Task.Run(async () =>
        {
            (await @case.VerifyAsync("属实", "清运不及时", Staff)).IsOk.ShouldBeTrue();
            (await @case.DeliberateAsync("urban", [], null, Staff)).IsOk.ShouldBeTrue();
            for (var n = 0; n < 10; n++)
                (await @case.ReportProgressAsync("urban", $"第{n}次清运", Urban)).IsOk.ShouldBeTrue();
        });
        var duplicates = Enumerable.Range(1, 40).Select(n => Task.Run(() =>
            cluster.Silo(n % 2).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).ReceiveAsync(Report($"12345:{n}", place, $"第{n}次投诉"), $"hotline:{place}:{n}"))).ToList();
        await Task.WhenAll(duplicates.Append(steps)).WaitAsync(TimeSpan.FromSeconds(20));

        var receipts = duplicates.Select(d => d.Result.Value!).ToList();
        receipts.Count(r => r.Duplicate && r.CaseId == first.CaseId).ShouldBe(40);
        var linked = (await @case.GetAsync())!.LinkedReports.Select(r => r.SourceRef).ToHashSet();
        Enumerable.Range(1, 40).Count(n => linked.Contains($"12345:{n}")).ShouldBe(40);
        // A replay answers from the record written once the report was on its case.
        (await Centre.ReceiveAsync(Report("12345:7", place, "第7次投诉"), $"hotline:{place}:7")).Value!.ShouldBe(new CaseReceipt(first.CaseId, true, true));
    }

    [Fact]
    public async Task A_report_at_the_place_of_a_closed_case_opens_a_case_of_its_own()
    {
        var place = $"文化路{Guid.NewGuid():N}"[..12];
        var first = (await Centre.ReceiveAsync(Report("12345:a", place, "路灯不亮"), $"hotline:{place}:a")).Value!;
        var @case = cluster.Silo(0).GetGrain<IDispatchCaseGrain>(first.CaseId);
        await @case.VerifyAsync("属实", "线路故障", Staff);
        await @case.DeliberateAsync("urban", [], null, Staff);
        await @case.ReportProgressAsync("urban", "已修复", Urban);
        await @case.ConfirmClosureAsync("居民确认", DispatchCluster.Person("南山社区", "community-worker", "community:nanshanlu.nanshan"));

        var again = (await Centre.ReceiveAsync(Report("12345:b", place, "路灯又不亮"), $"hotline:{place}:b")).Value!;
        (again.Duplicate, again.CaseId == first.CaseId).ShouldBe((false, false));
    }

    [Fact]
    public async Task A_case_whose_reminder_was_lost_arms_it_again_when_it_activates()
    {
        var place = $"和平街{Guid.NewGuid():N}"[..12];
        var opened = (await Centre.ReceiveAsync(Report("12345:r", place, "井盖缺失"), $"hotline:{place}:r")).Value!;
        var grainId = cluster.Silo(0).GetGrain<IDispatchCaseGrain>(opened.CaseId).GetGrainId();
        var reminders = cluster.Services(0).GetRequiredService<IReminderTable>();
        var row = (await reminders.ReadRows(grainId)).Reminders.Single();
        (await reminders.RemoveRow(grainId, row.ReminderName, row.ETag!)).ShouldBeTrue();

        // As after a crash between storing the case and registering its reminder: the next activation re-arms it.
        await cluster.Silo(0).GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        (await cluster.Silo(1).GetGrain<IDispatchCaseGrain>(opened.CaseId).GetAsync()).ShouldNotBeNull();
        (await reminders.ReadRows(grainId)).Reminders.Count.ShouldBe(1);
    }
}
