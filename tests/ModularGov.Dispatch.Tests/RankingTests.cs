using ModularGov.Dispatch.Centre;
using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Calendar;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Dispatch.Tests;

/// <summary>评 and 用: monthly rates and scores, the minimum sample, and the sanction ladder.</summary>
public sealed class RankingTests(DispatchCluster cluster) : IClassFixture<DispatchCluster>
{
    private static readonly Actor Staff = DispatchCluster.Person("调度员", "dispatch-staff", "district");
    private static readonly Units TestUnits = new([new("alpha", "甲局", "部门", true), new("beta", "乙局", "部门", true), new("gamma", "丙局", "部门", true)]);
    private static readonly DateTimeOffset May = new(2026, 5, 1, 0, 0, 0, ChinaTime.Offset);

    private static readonly UnitScore Beta = new()
    {
        Unit = "beta",
        Name = "乙局",
        Cases = 4,
        ResponseRate = 1,
        ResolutionRate = 1,
        SatisfactionRate = 1,
        Score = 100,
        Rank = 1,
        CaseIds = [],
    };

    private static readonly UnitScore Gamma = new()
    {
        Unit = "gamma",
        Name = "丙局",
        Cases = 4,
        ResponseRate = 0,
        ResolutionRate = 0,
        SatisfactionRate = 0,
        Score = 0,
        Rank = 2,
        CaseIds = [],
    };

    /// <summary>A case led by <paramref name="unit"/>, assigned on a May working day, answered and closed as told.</summary>
    private static CaseIndexEntry Case(string id, string unit, bool respondedInTime, bool onTime, int? satisfaction)
    {
        var assigned = new DateTimeOffset(2026, 5, 12, 9, 0, 0, ChinaTime.Offset);
        var closed = assigned.AddDays(3);
        return new CaseIndexEntry
        {
            Id = id,
            Street = "nanshanlu",
            Community = "nanshan",
            Category = ProblemCategory.Other,
            Place = "某处",
            Cause = "原因",
            Step = satisfaction is null ? CaseStep.Closed : CaseStep.Evaluated,
            ReceivedAt = assigned.AddHours(-2),
            Deadline = assigned.AddDays(onTime ? 5 : 1),
            Overdue = !onTime,
            Lead = unit,
            Assisting = [],
            AssignedAt = assigned,
            LeadRespondedAt = respondedInTime ? assigned.AddHours(4) : assigned.AddDays(5),
            ClosedAt = closed,
            OnTime = onTime,
            Satisfaction = satisfaction,
            EvaluatedAt = satisfaction is null ? null : closed.AddDays(1),
            Description = "描述",
        };
    }

    private static MonthlyRanking Rank(IEnumerable<CaseIndexEntry> cases, DispatchOptions? options = null) =>
        Ranking.Compute("2026-05", May, May.AddMonths(1), cases.ToList(), TestUnits, options ?? new DispatchOptions(), WorkingCalendar.Shipped, false);

    [Fact]
    public void Rates_are_response_resolution_and_satisfaction_weighted_into_a_score()
    {
        var ranking = Rank([
            Case("a1", "alpha", true, true, 5), Case("a2", "alpha", true, false, 4), Case("a3", "alpha", false, true, 2),
        ]);
        var alpha = ranking.Units.Single(u => u.Unit == "alpha");
        (alpha.Cases, alpha.ResponseRate, alpha.ResolutionRate, alpha.SatisfactionRate).ShouldBe((3, 0.667, 0.667, 0.667));
        alpha.Score.ShouldBe(66.7);
        alpha.Rank.ShouldBe(1);
    }

    [Fact]
    public void One_lucky_case_cannot_top_the_table()
    {
        var ranking = Rank([
            Case("a1", "alpha", true, true, 5),
            Case("b1", "beta", true, true, 4), Case("b2", "beta", true, false, 3), Case("b3", "beta", false, true, 5),
            Case("g1", "gamma", false, false, 1), Case("g2", "gamma", true, false, 2), Case("g3", "gamma", false, true, 3),
        ]);
        var alpha = ranking.Units.Single(u => u.Unit == "alpha");
        alpha.Score.ShouldBe(100);
        alpha.Rank.ShouldBeNull();
        alpha.NotRankedBecause!.ShouldContain("fewer than the 3");
        ranking.Units.Where(u => u.Rank is not null).Select(u => u.Unit).ShouldBe(["beta", "gamma"]);
    }

    [Fact]
    public void Weights_and_the_minimum_sample_are_configuration()
    {
        var cases = new[]
        {
            Case("b1", "beta", true, false, 1), Case("b2", "beta", true, false, 1),
            Case("g1", "gamma", false, true, 5), Case("g2", "gamma", false, true, 5),
        };
        var byResponse = Rank(cases, new DispatchOptions { MinimumCasesForRanking = 2, ResponseWeight = 1, ResolutionWeight = 0, SatisfactionWeight = 0 });
        byResponse.Units.First(u => u.Rank == 1).Unit.ShouldBe("beta");
        var byResolution = Rank(cases, new DispatchOptions { MinimumCasesForRanking = 2, ResponseWeight = 0, ResolutionWeight = 1, SatisfactionWeight = 0 });
        byResolution.Units.First(u => u.Rank == 1).Unit.ShouldBe("gamma");
        Rank(cases).Units.Count(u => u.Rank is not null).ShouldBe(0, "the default minimum of 3 cases ranks nobody here");
    }

    [Fact]
    public void The_bottom_unit_climbs_the_ladder_notice_interview_then_freeze_and_inquiry_within_a_year()
    {
        var alpha = Gamma with { Unit = "alpha", Name = "甲局", Cases = 1, Rank = null, NotRankedBecause = "too few" };
        var earlier = new List<Sanction>();
        var levels = new List<SanctionLevel>();
        foreach (var month in new[] { "2026-03", "2026-04", "2026-05", "2026-06" })
        {
            var ranking = new MonthlyRanking(month, 3, [Beta, Gamma with { CaseIds = ["g1"] }, alpha], true);
            var sanctions = SanctionLadder.ForMonth(ranking, earlier, 1, Staff, May);
            sanctions.Single().Unit.ShouldBe("gamma", "alpha did worse but handled too few cases to be ranked");
            levels.Add(sanctions.Single().Level);
            earlier.AddRange(sanctions);
        }
        levels.ShouldBe([SanctionLevel.Notice, SanctionLevel.Interview, SanctionLevel.FreezeAndInquiry, SanctionLevel.FreezeAndInquiry]);
        earlier[2].Measure.ShouldStartWith("冻结人事并启动不担当不作为调查");
        earlier[0].Evidence.CaseIds.ShouldBe(["g1"]);

        var nextYear = new MonthlyRanking("2027-01", 3, [Beta, Gamma], true);
        SanctionLadder.ForMonth(nextYear, earlier, 1, Staff, May).Single().Level.ShouldBe(SanctionLevel.Notice, "the count starts again each year");
    }

    [Fact]
    public void A_month_with_fewer_than_two_ranked_units_has_no_bottom()
    {
        var ranking = new MonthlyRanking("2026-05", 3, [Beta with { ResponseRate = 0, ResolutionRate = 0, SatisfactionRate = 0, Score = 0 }], true);
        SanctionLadder.ForMonth(ranking, [], 1, Staff, May).ShouldBeEmpty();
    }

    [Fact]
    public async Task Closing_a_month_needs_the_month_over_and_closing_it_again_changes_nothing()
    {
        var centre = cluster.Silo(0).GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        (await centre.CloseMonthAsync("2026-13", Staff)).Refusal.ShouldBe(Refusal.Invalid);
        (await centre.CloseMonthAsync("2099-01", Staff)).Refusal.ShouldBe(Refusal.Conflict);
        var first = await centre.CloseMonthAsync("2026-04", Staff);
        first.IsOk.ShouldBeTrue();
        var again = await centre.CloseMonthAsync("2026-04", Staff);
        again.Value!.Count.ShouldBe(first.Value!.Count);
        (await centre.GetRankingAsync("2026-04")).Value!.Closed.ShouldBeTrue();
        (await centre.GetSanctionsAsync(2026)).Count.ShouldBe(first.Value.Count);
    }
}
