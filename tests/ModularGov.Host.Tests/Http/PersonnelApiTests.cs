using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Privacy;

namespace ModularGov.Host.Tests.Http;

/// <summary>人员 over HTTP: the seed's figures, the ladder's and secondments' refusals, and personal data masked, sealed and audited.</summary>
public sealed class PersonnelApiTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    /// <summary>A well-formed identity number for a sample person (area 140302, 阳泉市城区; born 1990-05-17), its check digit computed.</summary>
    private static readonly string SampleIdentity = "14030219900517123" + IdentityNumbers.CheckDigit("14030219900517123");

    [Fact]
    public async Task The_seed_s_figures_are_readable_staffing_promotions_and_graduate_coverage()
    {
        var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        var staffing = await (await street.GetAsync("/api/streets/nanshanlu/staffing")).JsonAsync();
        (staffing.GetProperty("staffBefore").GetInt32(), staffing.GetProperty("staffAfter").GetInt32(), staffing.GetProperty("turnoverPosts").GetInt32(),
            staffing.GetProperty("communityWorkers").GetInt32()).ShouldBe((36, 52, 3, 128));
        var promotions = await (await street.GetAsync("/api/streets/nanshanlu/promotions")).JsonAsync();
        (promotions.GetProperty("gridWorkersToCommunityWorkers").GetInt32(), promotions.GetProperty("selection").GetInt32(),
            promotions.GetProperty("directedRecruitment").GetInt32()).ShouldBe((10, 4, 5));
        var coverage = await (await street.GetAsync("/api/graduates/coverage")).JsonAsync();
        coverage.GetProperty("recruited").GetInt32().ShouldBe(65);
        coverage.GetProperty("uncovered").GetArrayLength().ShouldBe(0);
        var secondments = await (await street.GetAsync("/api/streets/nanshanlu/secondments")).JsonAsync();
        (secondments.GetProperty("counts").GetProperty("peakOut").GetInt32(), secondments.GetProperty("counts").GetProperty("out").GetInt32()).ShouldBe((7, 0));
    }

    [Fact]
    public async Task Numbers_are_checked_sealed_masked_in_the_roster_opened_only_by_the_owning_office_and_each_opening_is_audited()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:beidajie"));
        var other = fixture.Client(await fixture.TokenAsync("street-operator", "street:nanshanlu"));
        var worker = fixture.Client(await fixture.TokenAsync("grid-worker", "grid:beidajie.g001"));
        const string person = "beidajie.r0002";

        var wrongDigit = SampleIdentity[..17] + (SampleIdentity[17] == '0' ? '1' : '0');
        (await (await office.PutAsJsonAsync($"/api/people/{person}/numbers", new { identityNumber = wrongDigit })).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("校验位");
        (await (await office.PutAsJsonAsync($"/api/people/{person}/numbers", new { phone = "1385678" })).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("phone");
        var kept = await (await office.PutAsJsonAsync($"/api/people/{person}/numbers", new { identityNumber = SampleIdentity, phone = "13812345678" })).JsonAsync();
        kept.GetProperty("identity").GetString().ShouldBe($"140***********{SampleIdentity[^4..]}");
        kept.GetProperty("phone").GetString().ShouldBe("138****5678");

        var (roster, _) = await office.AllPagesAsync("/api/streets/beidajie/roster", 1000);
        var listed = roster.Single(p => p.GetProperty("id").GetString() == person);
        listed.GetProperty("identity").GetString().ShouldBe($"140***********{SampleIdentity[^4..]}");
        var rosterText = await office.GetStringAsync("/api/streets/beidajie/roster?limit=1000");
        rosterText.Contains(SampleIdentity).ShouldBeFalse("a list never shows a number whole");
        rosterText.Contains("v1.").ShouldBeFalse("nor its sealed form");

        await (await worker.GetAsync("/api/streets/beidajie/roster")).ShouldBeProblemAsync(403);
        await (await other.GetAsync($"/api/people/{person}/numbers")).ShouldBeProblemAsync(403);
        await (await fixture.Client().GetAsync($"/api/people/{person}/numbers")).ShouldBeProblemAsync(403);
        var auditor = (await fixture.AuditorAsync()).Client;
        var before = (await (await auditor.GetAsync("/api/audit/verify")).JsonAsync()).GetProperty("lastSeq").GetInt64();
        var whole = await (await office.GetAsync($"/api/people/{person}/numbers")).JsonAsync();
        (whole.GetProperty("identityNumber").GetString(), whole.GetProperty("phone").GetString()).ShouldBe((SampleIdentity, "13812345678"));
        var (entries, _) = await auditor.AllPagesAsync($"/api/audit?after={before}", 1000);
        entries.Count(e => e.GetProperty("path").GetString() == $"/api/people/{person}/numbers" && e.GetProperty("method").GetString() == "GET"
            && e.GetProperty("detail").GetString()!.Contains("查看完整个人信息")).ShouldBe(1);
        entries.Any(e => e.GetRawText().Contains(SampleIdentity)).ShouldBeFalse("the log says who looked, never what they saw");
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_problem_and_change_nothing()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var before = await office.GetStringAsync("/api/streets/yijing/secondments");
        (await (await office.PostAsJsonAsync("/api/streets/yijing/secondments",
            new { person = "yijing.r0001", to = "城区信访局", reason = "信访", returnBy = "2030-01-01" })).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("借调须经审批");
        (await (await office.PostAsJsonAsync("/api/streets/yijing/secondments",
            new { person = "yijing.r0001", to = "城区信访局", reason = new string('长', 501), approver = "组织部", approval = "1号", returnBy = "2030-01-01" })).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("reason");
        await (await office.PostAsync("/api/streets/yijing/secondments", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(400);
        (await (await office.PostAsJsonAsync("/api/people/yijing.r0001/moves", new { to = "civilServant", channel = "step", approvedBy = "组织部" })).ShouldBeProblemAsync(400)).GetRawText().ShouldContain("逐级");
        await (await office.GetAsync("/api/people/yijing.r9999")).ShouldBeProblemAsync(404);
        await (await office.GetAsync("/api/people/nanshanlu.r0001")).ShouldBeProblemAsync(403);
        (await (await office.PostAsJsonAsync("/api/streets/yijing/staffing/loans", new { to = "王家峪村", posts = 9, returnBy = "2027-06-30", reason = "换届" })).ShouldBeProblemAsync(409)).GetRawText().ShouldContain("可借");
        await (await office.PostAsJsonAsync("/api/streets/yijing/staffing/changes", new { basicPosts = 40, reason = "x", approval = "y" })).ShouldBeProblemAsync(403);
        (await office.GetStringAsync("/api/streets/yijing/secondments")).ShouldBe(before);
    }

    [Fact]
    public async Task The_post_catalogue_names_each_post_s_duties_and_holder_and_its_gaps_appear_when_a_holder_moves_on()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan"));
        var posts = await (await office.GetAsync("/api/streets/shangzhan/posts")).JsonAsync();
        posts.GetArrayLength().ShouldBe(8);
        posts.EnumerateArray().All(p => p.GetProperty("holder").ValueKind == JsonValueKind.Object && p.GetProperty("duties").GetArrayLength() > 0).ShouldBeTrue();
        (await (await office.GetAsync("/api/streets/shangzhan/posts/gaps")).JsonAsync()).GetProperty("postsWithoutHolder").GetArrayLength().ShouldBe(0);

        var holder = posts.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "p05").GetProperty("holder").GetProperty("id").GetString()!;
        (await office.PutAsJsonAsync($"/api/people/{holder}/post", new { post = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gaps = await (await office.GetAsync("/api/streets/shangzhan/posts/gaps")).JsonAsync();
        var gap = gaps.GetProperty("postsWithoutHolder").EnumerateArray().Single();
        gap.GetProperty("code").GetString().ShouldBe("p05");
        gap.GetProperty("duties").GetArrayLength().ShouldBeGreaterThan(0, "the duties left with no one are named");
        (await (await office.PutAsJsonAsync("/api/people/shangzhan.r0001/post", new { post = "p02" })).ShouldBeProblemAsync(409)).GetRawText().ShouldContain("一岗一人");
    }

    [Fact]
    public async Task A_secretary_is_rated_and_trained_over_http_and_the_untrained_are_listed()
    {
        var office = fixture.Client(await fixture.TokenAsync("street-operator", "street:shangzhan"));
        var (roster, _) = await office.AllPagesAsync("/api/streets/shangzhan/roster", 1000);
        var secretary = roster.First(p => p.GetProperty("committee").GetString() == "secretary").GetProperty("id").GetString()!;
        var rating = await (await office.PostAsJsonAsync($"/api/people/{secretary}/ratings", new
        {
            period = "2026", scores = new Dictionary<string, int> { ["political"] = 18, ["organisation"] = 17, ["service"] = 22, ["governance"] = 16, ["satisfaction"] = 13 },
        })).JsonAsync();
        (rating.GetProperty("total").GetInt32(), rating.GetProperty("stars").GetInt32(), rating.GetProperty("monthlyPay").GetDecimal()).ShouldBe((86, 4, 800m));
        await (await office.PostAsJsonAsync($"/api/people/{secretary}/ratings", new { period = "2026" })).ShouldBeProblemAsync(400);

        var before = (await (await office.GetAsync("/api/streets/shangzhan/training/missing")).JsonAsync()).GetArrayLength();
        var enrolled = await (await office.PostAsJsonAsync($"/api/people/{secretary}/training", new { tier = "leaders", course = "头雁提升·书记轮训" })).JsonAsync();
        var done = await (await office.PostAsync($"/api/streets/shangzhan/training/{enrolled.GetProperty("id").GetString()}/complete", null)).JsonAsync();
        done.GetProperty("completedOn").GetString().ShouldNotBeNull();
        (await (await office.GetAsync("/api/streets/shangzhan/training/missing")).JsonAsync()).GetArrayLength().ShouldBe(before - 1);
        await (await office.PostAsJsonAsync($"/api/people/{secretary}/training", new { tier = "apprentices", course = "x" })).ShouldBeProblemAsync(400);
    }
}
