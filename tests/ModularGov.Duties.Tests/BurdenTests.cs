using ModularGov.Duties.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Duties.Tests;

/// <summary>清牌瘦身 and 文会督检考: plaques, meetings, inspections and forms, and the report that shows the burden went down.</summary>
public sealed class BurdenTests(DutiesCluster cluster) : IClassFixture<DutiesCluster>
{
    private static readonly Actor Worker = DutiesCluster.Person("社区工作者", "community-worker", "community:nanshanlu.xinhuaxijie");
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Nanshanlu_removed_98_plaques_and_xinhuaxijie_went_from_over_40_to_3_signs_and_2_markers()
    {
        var communities = DutiesCluster.Streets.Loaded.Single(s => s.Code == "nanshanlu").Profile.Communities;
        var registers = await Task.WhenAll(communities.Select(c => cluster.Silo(0).GetGrain<IPlaqueRegisterGrain>($"nanshanlu.{c.Code}").GetAsync()));
        registers.Sum(r => r.Removed).ShouldBe(98);
        var xinhuaxijie = registers.Single(r => r.Community == "nanshanlu.xinhuaxijie");
        xinhuaxijie.EverHung.ShouldBeGreaterThan(40);
        (xinhuaxijie.Signs, xinhuaxijie.Markers).ShouldBe((3, 2));
        var removed = (await cluster.Silo(1).GetGrain<IPlaqueRegisterGrain>("nanshanlu.xinhuaxijie").ListRemovedAsync(0, 1000)).Items;
        removed.Count.ShouldBe(xinhuaxijie.Removed);
        removed.ShouldAllBe(p => p.RemovedOn != null && p.RemovedBy == p.HungBy && p.Campaign == "清牌瘦身行动2024");
        xinhuaxijie.Plaques.ShouldAllBe(p => p.RemovedOn == null);
    }

    [Fact]
    public async Task A_fourth_sign_is_refused_and_only_whoever_hung_a_plaque_takes_it_down()
    {
        var register = cluster.Silo(1).GetGrain<IPlaqueRegisterGrain>("nanshanlu.yangponao");
        (await register.HangAsync(PlaqueKind.Sign, "某某工作站", "urban", Worker)).Refusal.ShouldBe(Refusal.Conflict);
        (await register.HangAsync(PlaqueKind.Marker, "某某标识", "urban", Worker)).Refusal.ShouldBe(Refusal.Conflict);
        var sign = (await register.GetAsync()).Plaques.First(p => p.RemovedOn is null && p.Kind == PlaqueKind.Sign);
        (await register.RemoveAsync(sign.Code, "urban", null, Worker)).Refusal.ShouldBe(Refusal.Forbidden);
        (await register.RemoveAsync(sign.Code, sign.HungBy, "更换", Worker)).Value!.RemovedOn.ShouldNotBeNull();
        (await register.RemoveAsync(sign.Code, sign.HungBy, "更换", Worker)).Refusal.ShouldBe(Refusal.Conflict);
        (await register.HangAsync(PlaqueKind.Sign, "社区党群服务中心(新)", "street", Worker)).IsOk.ShouldBeTrue();
        (await register.GetAsync()).Signs.ShouldBe(3);
    }

    [Fact]
    public async Task Nanshanlu_allows_one_meeting_every_two_weeks_and_other_streets_one_a_week()
    {
        var nanshanlu = cluster.Silo(0).GetGrain<IBurdenLedgerGrain>("nanshanlu.qiaotou");
        (await nanshanlu.RecordMeetingAsync(Today.AddDays(-20), "网格工作例会", "南山路街道", true, Worker)).IsOk.ShouldBeTrue();
        (await nanshanlu.RecordMeetingAsync(Today.AddDays(-10), "安全生产部署会", "应急局", false, Worker)).Refusal.ShouldBe(Refusal.Conflict);
        (await nanshanlu.RecordMeetingAsync(Today.AddDays(-6), "民生工作会", "南山路街道", false, Worker)).IsOk.ShouldBeTrue();

        var shangzhan = cluster.Silo(0).GetGrain<IBurdenLedgerGrain>("shangzhan.zhanqian");
        (await shangzhan.RecordMeetingAsync(Today.AddDays(-20), "例会", "上站街道", false, Worker)).IsOk.ShouldBeTrue();
        (await shangzhan.RecordMeetingAsync(Today.AddDays(-10), "例会", "上站街道", false, Worker)).IsOk.ShouldBeTrue();
        (await shangzhan.RecordMeetingAsync(Today.AddDays(-8), "加会", "上站街道", false, Worker)).Refusal.ShouldBe(Refusal.Conflict);
        (await shangzhan.RecordMeetingAsync(Today.AddYears(-2), "旧会", "上站街道", false, Worker)).Refusal.ShouldBe(Refusal.Invalid);
    }

    [Fact]
    public async Task A_meeting_is_refused_for_one_the_day_before_in_the_previous_month()
    {
        var firstOfMonth = new DateOnly(Today.Year, Today.Month, 1);
        var ledger = cluster.Silo(0).GetGrain<IBurdenLedgerGrain>("nanshanlu.taohe");
        (await ledger.RecordMeetingAsync(firstOfMonth.AddDays(-1), "月末例会", "南山路街道", false, Worker)).IsOk.ShouldBeTrue();
        (await ledger.RecordMeetingAsync(firstOfMonth, "月初例会", "南山路街道", false, Worker)).Refusal.ShouldBe(Refusal.Conflict);
        (await ledger.RecordMeetingAsync(firstOfMonth.AddDays(13), "两周后例会", "南山路街道", false, Worker)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_department_asking_for_a_figure_already_reported_this_period_is_pointed_to_it()
    {
        var ledger = cluster.Silo(0).GetGrain<IBurdenLedgerGrain>("beidajie.donggou");
        var first = (await ledger.SubmitFormAsync("wel-01", "2026-11", "civil", "56", Worker)).Value!;
        first.Reused.ShouldBeFalse();
        var second = (await cluster.Silo(1).GetGrain<IBurdenLedgerGrain>("beidajie.donggou").SubmitFormAsync("wel-01", "2026-11", "housing", "57", Worker)).Value!;
        second.Reused.ShouldBeTrue();
        second.Submission.Value.ShouldBe("56");
        second.Submission.AlsoAskedBy.ShouldBe(["housing"]);
        (await ledger.SubmitFormAsync("wel-01", "2026-12", "civil", "55", Worker)).Value!.Reused.ShouldBeFalse();
        (await ledger.SubmitFormAsync("pop-01", "2026-11", "civil", "1", Worker)).Refusal.ShouldBe(Refusal.Invalid, "a quarterly indicator is reported by quarter");
        (await ledger.SubmitFormAsync("nosuch", "2026-11", "civil", "1", Worker)).Refusal.ShouldBe(Refusal.Invalid);
    }

    [Fact]
    public async Task The_burden_report_shows_before_and_after()
    {
        var ledger = cluster.Silo(0).GetGrain<IBurdenLedgerGrain>("nanshanlu.xinhuaxijie");
        await ledger.RecordMeetingAsync(Today.AddDays(-30), "例会(线上)", "南山路街道", true, Worker);
        await ledger.RecordMeetingAsync(Today.AddDays(-15), "例会", "南山路街道", false, Worker);
        await ledger.RecordInspectionAsync(Today.AddDays(-5), "应急局", accompanied: false, Worker);
        var report = await ledger.GetReportAsync();
        report.MeetingsPerWeekBefore.ShouldBeGreaterThanOrEqualTo(3);
        report.MeetingsPerWeekAfter.ShouldBe(0.25);
        report.OnlineShare.ShouldBe(0.5);
        report.AccompanyingPerMonthAfter.ShouldBe(0);
        (report.PlaquesBefore, report.PlaquesNow).ShouldBe((42, 5));
    }
}
