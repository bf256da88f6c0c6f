using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// The console's forms, over HTTP as a browser sends them: the same form sent twice (a double click, a resend) files once; a
/// refusal from the module comes back readably with what was typed kept; a change from another site's page is refused.
/// </summary>
public sealed partial class ConsoleFormTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private Person _worker = null!;

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        _worker = await _district.PersonAsync(await _district.AdministratorsAsync(), "g001", "网格员 李强", "grid-worker", "grid:nanshanlu.g001");
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    [GeneratedRegex("name=\"idempotency-key\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Key();

    private static FormUrlEncodedContent Filing(string key, string photo = "") => new(new Dictionary<string, string>
    {
        ["idempotency-key"] = key, ["category"] = "environment", ["description"] = "垃圾桶满溢", ["location"] = "5号楼", ["photoUrl"] = photo,
    });

    [Fact]
    public async Task The_same_filing_form_sent_twice_files_one_problem()
    {
        var page = await _worker.Client.GetStringAsync("/grids/nanshanlu.g001");
        var key = Key().Match(page).Groups[1].Value;
        key.Length.ShouldBe(32);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _district.Address };
        browser.DefaultRequestHeaders.Add("Cookie", $"modulargov_session={People.SessionOf(_worker)}");
        browser.DefaultRequestHeaders.Add("Origin", _district.Address.GetLeftPart(UriPartial.Authority));

        using var first = await browser.PostAsync("/grids/nanshanlu.g001/problems", Filing(key));
        using var second = await browser.PostAsync("/grids/nanshanlu.g001/problems", Filing(key));
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location, "the resend lands on the same problem");
        var problems = await (await _district.Client().GetAsync("/api/grids/nanshanlu.g001/problems")).JsonAsync();
        problems.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_filing_comes_back_readably_with_what_was_typed()
    {
        var page = await _worker.Client.GetStringAsync("/grids/nanshanlu.g001");
        using var refused = await _worker.Client.PostAsync("/grids/nanshanlu.g001/problems", Filing(Key().Match(page).Groups[1].Value, "ftp://photos/1.jpg"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("未能提交:请求无效 (Bad request)");
        body.ShouldContain("photoUrl must be an http(s) link");
        body.ShouldContain(">垃圾桶满溢</textarea>");
        body.ShouldContain("value=\"5号楼\"");
        (await (await _district.Client().GetAsync("/api/grids/nanshanlu.g001/problems")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_form_sent_from_another_sites_page_is_refused()
    {
        using var other = new HttpClient { BaseAddress = _district.Address };
        other.DefaultRequestHeaders.Add("Cookie", $"modulargov_session={People.SessionOf(_worker)}");
        other.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        using var answer = await other.PostAsync("/grids/nanshanlu.g001/problems", Filing("0123456789abcdef0123456789abcdef"));
        answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("拒绝跨站请求");
        (await (await _district.Client().GetAsync("/api/grids/nanshanlu.g001/problems")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }
}
