using System.Collections.Concurrent;
using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Pages;
using ModularGov.Dispatch.Views;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Dispatch.Tests;

/// <summary>What the console's dispatch pages rely on: the live signals a case sends, the level on the board, deadlines in red, the board's tabs.</summary>
public sealed class ConsoleTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Staff = DispatchCluster.Person("调度员", "dispatch-staff", "district");

    private IDispatchCentreGrain Centre => cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);

    private async Task<string> OpenAsync(string place)
    {
        var key = Guid.NewGuid().ToString("N");
        return (await Centre.ReceiveAsync(new NewCase
        {
            Source = CaseSource.Street,
            SourceRef = key,
            Street = "nanshanlu",
            Community = "heping",
            Category = ProblemCategory.Facilities,
            Description = $"{place}路灯不亮",
            Place = place,
            By = Staff,
        }, key)).Value!.CaseId;
    }

    private sealed class Signals : ILiveObserver
    {
        public ConcurrentQueue<LiveSignal> Received { get; } = new();

        public Task ChangedAsync(LiveSignal signal)
        {
            Received.Enqueue(signal);
            return Task.CompletedTask;
        }
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
        return condition();
    }

    [Fact]
    public async Task A_case_tells_its_page_the_district_and_the_units_assigned_after_each_step()
    {
        var caseId = await OpenAsync("和平街1号");
        var signals = new Signals();
        var grains = cluster.Silo(0);
        var observer = grains.CreateObjectReference<ILiveObserver>(signals);
        var topics = new[] { LiveTopics.Case(caseId), LiveTopics.District, "dispatch-unit:urban" };
        foreach (var topic in topics)
            await grains.GetGrain<ILiveFeedGrain>(topic).SubscribeAsync(observer);

        var @case = cluster.Silo(1).GetGrain<IDispatchCaseGrain>(caseId);
        (await @case.VerifyAsync("属实", "线路老化", Staff)).IsOk.ShouldBeTrue();
        (await @case.DeliberateAsync("urban", [], null, Staff)).IsOk.ShouldBeTrue();

        var heard = await EventuallyAsync(() => topics.All(t => signals.Received.Any(s => s.Topic == t && s.Id == caseId && s.Kind == "case")));
        heard.ShouldBeTrue(string.Join(", ", signals.Received.Select(s => s.Topic)));
        signals.Received.Count(s => s.Topic == LiveTopics.Case(caseId)).ShouldBeGreaterThanOrEqualTo(2, "one signal per step");
    }

    [Fact]
    public async Task The_board_shows_the_level_a_case_is_deliberated_at()
    {
        var caseId = await OpenAsync("和平街2号");
        var @case = cluster.Silo(1).GetGrain<IDispatchCaseGrain>(caseId);
        await @case.VerifyAsync("属实", "职责交叉", Staff);
        (await @case.ReferUpAsync("工作专班无法决定", Staff)).IsOk.ShouldBeTrue();

        var board = await Centre.GetBoardAsync(new BoardQuery { Streets = ["nanshanlu"], Limit = BoardPage.MaxLimit });
        board.Cases.Single(c => c.Id == caseId).Level.ShouldBe(DeliberationLevel.CentreLeadership);
    }

    private static CaseIndexEntry Entry(CaseStep step, bool overdue) => new()
    {
        Id = "dc2026-00001",
        Street = "nanshanlu",
        Community = "heping",
        Category = ProblemCategory.Utilities,
        Place = "和平街",
        Step = step,
        ReceivedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, ChinaTime.Offset),
        Deadline = new DateTimeOffset(2026, 12, 2, 9, 0, 0, ChinaTime.Offset),
        Overdue = overdue,
        Assisting = [],
        Description = "停水",
    };

    [Fact]
    public void A_passed_deadline_is_red_and_says_so_while_the_case_is_open()
    {
        var open = Entry(CaseStep.Handling, overdue: true);
        BoardColumns.Deadline(open).ShouldBe("2026年12月2日 09:00 已超期");
        BoardColumns.CellClass("deadline", open).ShouldBe("overdue");
        BoardColumns.CellClass("step", open).ShouldBeNull();

        var inTime = Entry(CaseStep.Handling, overdue: false);
        BoardColumns.Deadline(inTime).ShouldBe("2026年12月2日 09:00");
        BoardColumns.CellClass("deadline", inTime).ShouldBeNull();

        var closedLate = Entry(CaseStep.Closed, overdue: true);
        BoardColumns.Deadline(closedLate).ShouldNotContain("已超期");
    }

    [Fact]
    public void The_boards_columns_sort_steps_in_their_order_and_export_them_as_words()
    {
        var names = new DispatchNames(new Dictionary<string, string> { ["water"] = "阳泉市供水公司" }, new Dictionary<string, string> { ["nanshanlu"] = "南山路街道" });
        var step = BoardColumns.For(names).Single(c => c.Key == "step");
        var rows = new[] { Entry(CaseStep.Handling, false), Entry(CaseStep.Received, false), Entry(CaseStep.Verified, false) };
        rows.OrderBy(step.Value).Select(r => step.Display(r)).ShouldBe(["待核实", "待会商", "办理中"]);
        BoardColumns.For(names).Single(c => c.Key == "street").Display(rows[0]).ShouldBe("南山路街道");
    }

    [Fact]
    public void Each_board_tab_is_a_step_or_the_overdue_and_any_other_is_none()
    {
        BoardViews.TryParse("all", out var step, out var overdue).ShouldBeTrue();
        (step, overdue).ShouldBe((null, null));
        BoardViews.TryParse("verified", out step, out overdue).ShouldBeTrue();
        (step, overdue).ShouldBe((CaseStep.Verified, null));
        BoardViews.TryParse("overdue", out step, out overdue).ShouldBeTrue();
        (step, overdue).ShouldBe((null, true));
        BoardViews.TryParse("evaluated", out _, out _).ShouldBeFalse();
        BoardViews.TryParse("3", out _, out _).ShouldBeFalse();
        BoardViews.TryParse("Verified", out _, out _).ShouldBeFalse();
    }
}
