using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Dispatch.Tests;

/// <summary>Each step of a case, each escalation, appeals, deadlines, and refusals that change nothing.</summary>
public sealed class CaseStepTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Staff = DispatchCluster.Person("调度员", "dispatch-staff", "district");
    private static readonly Actor Street = DispatchCluster.Person("南山路街道办", "street-operator", "street:nanshanlu");

    private static readonly BoardQuery All = new() { Limit = BoardPage.MaxLimit };

    private IDispatchCentreGrain Centre => cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);

    private async Task<IDispatchCaseGrain> OpenAsync(string place, ProblemCategory category = ProblemCategory.Environment, Urgency? urgency = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var receipt = (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Street,
            SourceRef = key,
            Street = "nanshanlu",
            Community = "xinhuaxijie",
            Category = category,
            Description = $"{place}问题",
            Place = place,
            Urgency = urgency,
            By = Street,
        }, key)).Value!;
        return cluster.Silo(1).GetGrain<IDispatchCaseGrain>(receipt.CaseId);
    }

    private async Task<IDispatchCaseGrain> AssignedAsync(string place)
    {
        var @case = await OpenAsync(place);
        await @case.VerifyAsync("核实属实", "职责交叉", Staff);
        await @case.DeliberateAsync("urban", ["municipal"], null, Staff);
        return @case;
    }

    [Fact]
    public async Task Intake_links_a_duplicate_of_an_open_case_instead_of_opening_a_second()
    {
        var first = (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Street,
            SourceRef = "a",
            Street = "nanshanlu",
            Community = "nanshan",
            Category = ProblemCategory.Environment,
            Description = "垃圾站满溢",
            Place = "桃园路垃圾站",
            By = Street,
        }, "street:a")).Value!;
        var again = (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Hotline,
            SourceRef = "12345:77",
            Street = "nanshanlu",
            Community = "nanshan",
            Category = ProblemCategory.Environment,
            Description = "垃圾站 臭味",
            Place = "桃园路 垃圾站",
            By = Street,
        }, "hotline:77")).Value!;
        again.Duplicate.ShouldBeTrue();
        again.CaseId.ShouldBe(first.CaseId);
        (await cluster.Silo(0).GetGrain<IDispatchCaseGrain>(first.CaseId).GetAsync())!.LinkedReports.Single().SourceRef.ShouldBe("12345:77");

        var replay = (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Hotline,
            SourceRef = "12345:77",
            Street = "nanshanlu",
            Community = "nanshan",
            Category = ProblemCategory.Environment,
            Description = "垃圾站 臭味",
            Place = "桃园路 垃圾站",
            By = Street,
        }, "hotline:77")).Value!;
        (replay.CaseId, replay.Replayed).ShouldBe((first.CaseId, true));

        var otherCategory = (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Street,
            SourceRef = "b",
            Street = "nanshanlu",
            Community = "nanshan",
            Category = ProblemCategory.Safety,
            Description = "垃圾站旁电线裸露",
            Place = "桃园路垃圾站",
            By = Street,
        }, "street:b")).Value!;
        otherCategory.CaseId.ShouldNotBe(first.CaseId);
    }

    [Fact]
    public async Task Intake_refuses_unknown_places_and_bad_reports_and_records_nothing()
    {
        var before = (await Centre.GetBoardAsync(All)).Cases.Count;
        NewCase Report(string street, string community, string description = "x", string place = "y", string? compound = null) => new()
        {
            Source = CaseSource.Street,
            SourceRef = "r",
            Street = street,
            Community = community,
            Category = ProblemCategory.Other,
            Description = description,
            Place = place,
            Compound = compound,
            By = Street,
        };
        (await Centre.ReceiveAsync(Report("nosuch", "x"), "bad:1")).Refusal.ShouldBe(Refusal.Invalid);
        (await Centre.ReceiveAsync(Report("nanshanlu", "nosuch"), "bad:2")).Refusal.ShouldBe(Refusal.Invalid);
        (await Centre.ReceiveAsync(Report("nanshanlu", "nanshan", compound: "c999"), "bad:3")).Refusal.ShouldBe(Refusal.Invalid);
        (await Centre.ReceiveAsync(Report("nanshanlu", "nanshan", description: ""), "bad:4")).Refusal.ShouldBe(Refusal.Invalid);
        (await Centre.ReceiveAsync(Report("nanshanlu", "nanshan", description: new string('长', TextRules.MaxReport + 1)), "bad:5")).Refusal.ShouldBe(Refusal.Invalid);
        (await Centre.GetBoardAsync(All)).Cases.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_grid_problem_escalated_past_its_street_becomes_a_case_at_once()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g060");
        var worker = new GridActor(DispatchCluster.Person("网格员", "grid-worker", "grid:nanshanlu.g060"), ProblemLevel.Grid);
        var filed = (await grid.FileAsync(new NewProblem
        {
            Category = ProblemCategory.Facilities,
            Description = "楼体外墙脱落",
            Location = "12号楼",
            Source = ProblemSource.GridWorker,
        }, worker.Actor, "esc-1")).Value!.Problem;
        await grid.EscalateAsync(filed.Id, "网格无法处置", worker);
        await grid.EscalateAsync(filed.Id, "社区无权处理", worker with { MaxLevel = ProblemLevel.Community });
        await grid.EscalateAsync(filed.Id, "职责交叉", worker with { MaxLevel = ProblemLevel.Street });

        var taken = (await cluster.Silo(1).GetGrain<IDispatchIntakeGrain>("nanshanlu").ListAsync(0, EscalationPage.MaxLimit)).Escalations.Single(p => p.ProblemId == filed.Id);
        taken.TakenAsCase.ShouldNotBeNull();
        var @case = (await cluster.Silo(0).GetGrain<IDispatchCaseGrain>(taken.TakenAsCase).GetAsync())!;
        (@case.Source, @case.SourceRef, @case.Street).ShouldBe((CaseSource.Escalation, filed.Id, "nanshanlu"));
        (@case.Description, @case.EscalationReason).ShouldBe(("楼体外墙脱落", "职责交叉"));
    }

    [Fact]
    public async Task Steps_out_of_order_and_unknown_units_are_refused_and_change_nothing()
    {
        var @case = await OpenAsync("幸福路3号");
        (await @case.DeliberateAsync("water", [], null, Staff)).Refusal.ShouldBe(Refusal.Conflict);
        (await @case.ConfirmClosureAsync("好了", Street)).Refusal.ShouldBe(Refusal.Conflict);
        (await @case.VerifyAsync("", "原因", Staff)).Refusal.ShouldBe(Refusal.Invalid);
        await @case.VerifyAsync("属实", "占道", Staff);
        (await @case.DeliberateAsync("nosuchunit", [], null, Staff)).Refusal.ShouldBe(Refusal.Invalid);
        (await @case.DeliberateAsync("water", ["water"], null, Staff)).Refusal.ShouldBe(Refusal.Invalid);
        (await @case.ReportProgressAsync("water", "进场", Staff)).Refusal.ShouldBe(Refusal.Conflict);
        (await @case.GetAsync())!.History.Select(h => h.Action).ShouldBe(["receive", "verify"]);
        (await cluster.Silo(0).GetGrain<IDispatchCaseGrain>("dc2026-99999").VerifyAsync("x", "y", Staff)).Refusal.ShouldBe(Refusal.NotFound);
    }

    [Fact]
    public async Task Three_levels_of_deliberation_up_to_the_conveners_who_must_decide()
    {
        var @case = await OpenAsync("和平街5号");
        await @case.VerifyAsync("属实", "多部门推诿", Staff);
        (await @case.ReferUpAsync("工作组无法定责", Staff)).Value!.Level.ShouldBe(DeliberationLevel.CentreLeadership);
        (await @case.ReferUpAsync("中心领导层提请召集人", Staff)).Value!.Level.ShouldBe(DeliberationLevel.Conveners);
        (await @case.ReferUpAsync("再上", Staff)).Refusal.ShouldBe(Refusal.Conflict);
        var decided = (await @case.DeliberateAsync("housing", ["urban"], null, Staff)).Value!;
        (decided.Level, decided.Lead).ShouldBe((DeliberationLevel.Conveners, "housing"));
    }

    [Fact]
    public async Task An_undecided_deliberation_goes_up_a_level_when_its_deadline_passes()
    {
        var @case = await OpenAsync("文化路8号");
        await @case.VerifyAsync("属实", "定责难", Staff);
        (await @case.CheckDeadlinesAsync())!.Level.ShouldBe(DeliberationLevel.WorkingGroup);
        cluster.Clock.Advance(TimeSpan.FromDays(4)); // past one working day, even across the make-up Saturday
        var raised = (await @case.CheckDeadlinesAsync())!;
        ((int)raised.Level).ShouldBeGreaterThan((int)DeliberationLevel.WorkingGroup);
        raised.History.Count(h => h.Action == "deliberation-overdue").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_unit_appeals_its_assignment_once_and_the_next_level_decides()
    {
        var @case = await AssignedAsync("红旗街2号");
        var urban = DispatchCluster.Person("城管", "department-staff", "department:urban");
        var appealed = (await @case.AppealAsync("urban", "该事项属市政设施,非城管职责", urban)).Value!;
        appealed.Appeals.Single().DecidedAt.ShouldBe(DeliberationLevel.CentreLeadership);
        (await @case.AppealAsync("urban", "再次申诉", urban)).Refusal.ShouldBe(Refusal.Conflict);
        (await @case.AppealAsync("water", "不是我们", urban)).Refusal.ShouldBe(Refusal.Invalid);
        (await @case.DecideAppealAsync("urban", true, null, "申诉成立", Staff)).Refusal.ShouldBe(Refusal.Invalid);

        var decided = (await @case.DecideAppealAsync("urban", true, "municipal", "申诉成立,改由市政主办", Staff)).Value!;
        (decided.Lead, decided.Level).ShouldBe(("municipal", DeliberationLevel.CentreLeadership));
        decided.Assisting.ShouldNotContain("municipal");
        decided.Appeals.Single().Upheld.ShouldBe(true);
        (await @case.AppealAsync("urban", "第二次", urban)).Refusal.ShouldBe(Refusal.Conflict);
    }

    [Fact]
    public async Task A_case_past_its_deadline_is_flagged_overdue_and_escalated_once()
    {
        var @case = await OpenAsync("燃气泄漏点", ProblemCategory.Safety, Urgency.Emergency);
        var opened = (await @case.GetAsync())!;
        (opened.Deadline - opened.ReceivedAt).ShouldBe(TimeSpan.FromHours(2));
        await @case.VerifyAsync("属实", "管道老化", Staff);
        await @case.DeliberateAsync("gas", [], null, Staff);
        cluster.Clock.Advance(TimeSpan.FromHours(3));
        var overdue = (await @case.CheckDeadlinesAsync())!;
        overdue.Overdue.ShouldBeTrue();
        overdue.Level.ShouldBe(DeliberationLevel.CentreLeadership);
        (await @case.CheckDeadlinesAsync())!.History.Count(h => h.Action == "overdue").ShouldBe(1);
        (await Centre.GetBoardAsync(All)).Cases.Single(c => c.Id == overdue.Id).Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_class_of_case_coming_back_prompts_a_standing_fix()
    {
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            var key = $"class-{n}";
            var receipt = (await Centre.ReceiveAsync(new NewCase
            {
                Source = CaseSource.Street,
                SourceRef = key,
                Street = "nanshanlu",
                Community = "lianhua",
                Category = ProblemCategory.Utilities,
                Description = $"第{n}次停暖",
                Place = $"莲花小区{n}号楼",
                By = Street,
            }, key)).Value!;
            ids.Add(receipt.CaseId);
            await cluster.Silo(0).GetGrain<IDispatchCaseGrain>(receipt.CaseId).VerifyAsync("属实", "供热管网老化", Staff);
        }
        var prompts = (await Centre.GetClassPromptsAsync(0, ClassPage.MaxLimit)).Classes;
        prompts.Count(p => p.Cause == "供热管网老化").ShouldBe(0, "different buildings are different places");

        foreach (var n in new[] { 4, 5, 6 })
        {
            var key = $"class-{n}";
            var receipt = (await Centre.ReceiveAsync(new NewCase
            {
                Source = CaseSource.Street,
                SourceRef = key,
                Street = "nanshanlu",
                Community = "lianhua",
                Category = ProblemCategory.Dispute,
                Description = $"第{n}次噪音投诉",
                Place = "莲花广场",
                ReceivedAt = cluster.Clock.GetUtcNow().AddDays(n * 4),
                By = Street,
            }, key)).Value!;
            await cluster.Silo(0).GetGrain<IDispatchCaseGrain>(receipt.CaseId).VerifyAsync("属实", "广场舞音响扰民", Staff);
        }
        var prompt = ((await Centre.GetClassPromptsAsync(0, ClassPage.MaxLimit)).Classes).Single(p => p.Cause == "广场舞音响扰民");
        prompt.CaseIds.Count.ShouldBe(3);
        (await Centre.SetStandingFixAsync(prompt.Id, "", "urban", Staff)).Refusal.ShouldBe(Refusal.Invalid);
        var fixedPrompt = (await Centre.SetStandingFixAsync(prompt.Id, "广场划定时段与音量上限,城管常态巡查", "urban", Staff)).Value!;
        fixedPrompt.StandingFix.ShouldNotBeNull();
        (await Centre.SetStandingFixAsync(prompt.Id, "again", "urban", Staff)).Refusal.ShouldBe(Refusal.Conflict);
    }
}
