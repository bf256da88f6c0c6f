using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>A secondee not back by their date is flagged on the street's page, first, as well as in the API: a district on a clock the test moves.</summary>
public sealed class OverdueSecondmentPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private InProcessDistrict _district = null!;

    public async Task InitializeAsync() =>
        _district = await InProcessDistrict.StartAsync(replace: services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [Fact]
    public async Task A_secondment_past_its_return_date_is_overdue_on_the_street_s_page_and_in_the_api()
    {
        var token = await (await _district.Client().PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:beidajie", label = "北大街街道办" })).JsonAsync();
        using var office = _district.Client(token.GetProperty("token").GetString()!);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var early = await (await office.PostAsJsonAsync("/api/streets/beidajie/secondments", new
        {
            person = "beidajie.r0003", to = "城区信访局", reason = "信访积案化解", approver = "城区委组织部", approval = "城组借字〔2026〕7号", returnBy = today.AddDays(1).ToString("yyyy-MM-dd"),
        })).JsonAsync();
        await office.PostAsJsonAsync("/api/streets/beidajie/secondments", new
        {
            person = "beidajie.r0004", to = "城区住建局", reason = "老旧小区改造", approver = "城区委组织部", approval = "城组借字〔2026〕8号", returnBy = today.AddDays(60).ToString("yyyy-MM-dd"),
        });
        var before = await office.GetStringAsync("/streets/beidajie/personnel");
        before.Contains("逾期未归</td>").ShouldBeFalse("nobody is late yet");

        _clock.Advance(TimeSpan.FromDays(2));
        var api = await (await office.GetAsync("/api/streets/beidajie/secondments")).JsonAsync();
        api.GetProperty("counts").GetProperty("overdue").GetInt32().ShouldBe(1);
        api.GetProperty("open")[0].GetProperty("id").GetString().ShouldBe(early.GetProperty("id").GetString());
        var page = System.Text.RegularExpressions.Regex.Replace(await office.GetStringAsync("/streets/beidajie/personnel"), @">\s+<", "><");
        page.ShouldContain($"<tr data-row=\"{early.GetProperty("id").GetString()}\" class=\"overdue\">");
        page.ShouldContain("逾期未归 1 人");
        (page.IndexOf(early.GetProperty("id").GetString()!, StringComparison.Ordinal) < page.IndexOf("城区住建局", StringComparison.Ordinal)).ShouldBeTrue("the overdue one comes first");
    }
}
