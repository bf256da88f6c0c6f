using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Tests;

/// <summary>定责定岗定人, 星级化管理 and the three training tiers.</summary>
public sealed class DevelopmentTests(PersonnelCluster cluster) : IClassFixture<PersonnelCluster>
{
    private static readonly Actor Office = new("义井镇政府", "street-operator", "street:yijing", "token-office");

    private static readonly Dictionary<string, int> FullMarks = new() { ["political"] = 20, ["organisation"] = 20, ["service"] = 25, ["governance"] = 20, ["satisfaction"] = 15 };

    private async Task<IReadOnlyList<Person>> PeopleAsync(string street) => (await cluster.Silo(0).GetGrain<IPersonnelGrain>(street).ListPeopleAsync(0, 1000)).Items;

    [Fact]
    public async Task Every_shipped_post_has_its_holder_and_a_holder_who_moves_on_leaves_a_gap_that_a_new_holder_fills()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("beidajie");
        var holders = await grain.GetPostHoldersAsync();
        holders.Count.ShouldBe(8, "the eight posts of the catalogue are all held");
        holders["p01"].Name.ShouldBe(PersonnelCluster.Streets.Loaded.Single(s => s.Code == "beidajie").Duties.List.Posts.Single(p => p.Code == "p01").Holder);

        (await grain.AssignPostAsync(holders["p02"].Id, "p01", Office)).Refusal.ShouldBe(Refusal.Conflict, "one holder a post");
        (await grain.AssignPostAsync(holders["p02"].Id, "p99", Office)).Reason!.ShouldContain("不在岗位目录");
        var worker = (await PeopleAsync("beidajie")).First(p => p.Rung == CareerRung.GridWorker);
        (await grain.AssignPostAsync(worker.Id, "p03", Office)).Refusal.ShouldBe(Refusal.Invalid, "posts are the street office's");

        (await grain.AssignPostAsync(holders["p01"].Id, null, Office)).IsOk.ShouldBeTrue();
        (await grain.GetPostHoldersAsync()).ContainsKey("p01").ShouldBeFalse();
        var spare = (await PeopleAsync("beidajie")).First(p => p.Community is null && p.Post is null);
        (await grain.AssignPostAsync(spare.Id, "p01", Office)).Value!.Post.ShouldBe("p01");
        (await grain.GetPostHoldersAsync())["p01"].Id.ShouldBe(spare.Id);
    }

    [Fact]
    public async Task A_secretary_s_rating_earns_stars_and_pay_from_the_district_s_levels_and_is_kept_with_every_score()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("yijing");
        var secretary = (await PeopleAsync("yijing")).First(p => p.Committee == CommitteeRole.Secretary);
        var full = (await grain.RateAsync(secretary.Id, "2026", FullMarks, Office)).Value!;
        (full.Total, full.Stars, full.MonthlyPay).ShouldBe((100, 5, 1000m));
        full.Scores.Count.ShouldBe(5);

        var middling = new Dictionary<string, int>(FullMarks) { ["service"] = 10, ["satisfaction"] = 8 }; // 20+20+10+20+8 = 78
        var later = (await grain.RateAsync(secretary.Id, "2026-H2", middling, Office)).Value!;
        (later.Total, later.Stars, later.MonthlyPay).ShouldBe((78, 3, 600m));
        var person = (await grain.GetPersonAsync(secretary.Id))!;
        (person.Stars, person.RatedPeriod).ShouldBe((3, "2026-H2"));
        (await grain.ListRatingsAsync(0, 10)).Items.Select(r => r.Total).ShouldBe([100, 78], "every rating is kept");
    }

    [Fact]
    public async Task A_rating_that_is_not_a_secretary_s_misses_a_criterion_or_exceeds_its_points_is_refused_and_nothing_is_kept()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("shangzhan");
        var people = await PeopleAsync("shangzhan");
        var secretary = people.First(p => p.Committee == CommitteeRole.Secretary);
        var worker = people.First(p => p.Rung == CareerRung.GridWorker);
        (await grain.RateAsync(worker.Id, "2026", FullMarks, Office)).Reason!.ShouldContain("只评");
        (await grain.RateAsync(secretary.Id, "2026", new Dictionary<string, int>(FullMarks) { ["service"] = 26 }, Office)).Reason!.ShouldContain("0–25");
        var missing = new Dictionary<string, int>(FullMarks);
        missing.Remove("governance");
        (await grain.RateAsync(secretary.Id, "2026", missing, Office)).Reason!.ShouldContain("基层治理");
        (await grain.RateAsync(secretary.Id, "2026", new Dictionary<string, int>(FullMarks) { ["charm"] = 5 }, Office)).Reason!.ShouldContain("charm");
        (await grain.RateAsync(secretary.Id, "last year", FullMarks, Office)).Refusal.ShouldBe(Refusal.Invalid);
        (await grain.ListRatingsAsync(0, 10)).Items.Count.ShouldBe(0);
        (await grain.GetPersonAsync(secretary.Id))!.Stars.ShouldBeNull();
    }

    [Fact]
    public async Task Newcomers_train_with_a_mentor_completion_counts_and_those_with_none_in_a_year_are_listed()
    {
        var grain = cluster.Silo(1).GetGrain<IPersonnelGrain>("nanshanlu");
        var people = await PeopleAsync("nanshanlu");
        var newcomer = people.First(p => p.GraduateYear == 2025);
        var mentor = people.First(p => p.Committee == CommitteeRole.Secretary && p.Community == newcomer.Community);
        var untrained = (await grain.GetUntrainedAsync()).Count;
        untrained.ShouldBe(people.Count(p => p.Active), "nobody has a completed course yet");

        (await grain.EnrolAsync(newcomer.Id, TrainingTier.Newcomers, "雏雁帮带·社区工作入门", null, Office)).Reason!.ShouldContain("导师");
        (await grain.EnrolAsync(newcomer.Id, TrainingTier.Newcomers, "雏雁帮带·社区工作入门", newcomer.Id, Office)).Refusal.ShouldBe(Refusal.Invalid);
        var enrolled = (await grain.EnrolAsync(newcomer.Id, TrainingTier.Newcomers, "雏雁帮带·社区工作入门", mentor.Id, Office)).Value!;
        enrolled.Mentor.ShouldBe(mentor.Id);
        (await grain.EnrolAsync(newcomer.Id, TrainingTier.Newcomers, "再报一次", mentor.Id, Office)).Refusal.ShouldBe(Refusal.Conflict);
        var leaders = (await grain.EnrolAsync(mentor.Id, TrainingTier.Leaders, "头雁提升·书记轮训", null, Office)).Value!;
        leaders.Mentor.ShouldBeNull();

        (await grain.CompleteTrainingAsync(enrolled.Id, Office)).Value!.CompletedOn.ShouldBe(cluster.Clock.Today());
        (await grain.GetUntrainedAsync()).Count.ShouldBe(untrained - 1);
        (await grain.GetUntrainedAsync()).Any(p => p.Id == newcomer.Id).ShouldBeFalse();
        cluster.Clock.Advance(TimeSpan.FromDays(cluster.Options.TrainingLookbackDays + 1));
        (await grain.GetUntrainedAsync()).Any(p => p.Id == newcomer.Id).ShouldBeTrue("a course before the look-back (a year by default) no longer counts");
        (await grain.ListTrainingAsync(0, 10)).Items.Select(t => t.Id).ShouldBe([enrolled.Id, leaders.Id]);
    }
}
