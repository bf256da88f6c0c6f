using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// The console's pages declare access as the API's endpoints do, and hold it: every page of every module names one rule over its
/// group's place; a browser without a session is sent to the sign-in page and back; 南山路's street operator gets a 403 page
/// (not data, not problem details) from every page that names one of 上站's records. A module's new page is covered the day it is mapped.
/// </summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private InProcessDistrict _district = null!;
    private readonly Dictionary<string, string> _shangzhan = new()
    {
        ["code"] = "shangzhan",
        ["communityId"] = "shangzhan.xiaoyangquannan",
        ["compoundId"] = "shangzhan.m001",
        ["gridId"] = "shangzhan.g001",
        ["stationId"] = "shangzhan.wf01",
        ["changeId"] = "shangzhan.c0001",
        ["version"] = "1",
        ["personId"] = "shangzhan.r0001",
    };

    public async Task InitializeAsync()
    {
        _district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        using var admin = _district.Client();
        admin.DefaultRequestHeaders.Add("Idempotency-Key", "console-access");
        var filed = await admin.PostAsJsonAsync("/api/grids/shangzhan.g001/problems", new { category = "environment", description = "权限巡检", location = "路口" });
        _shangzhan["problemId"] = (await filed.JsonAsync()).GetProperty("id").GetString()!;
        var opened = await admin.PostAsJsonAsync("/api/dispatch/cases", new { street = "shangzhan", community = "xiaoyangquannan", category = "facilities", description = "权限巡检", place = "路口" });
        _shangzhan["caseId"] = (await opened.JsonAsync()).GetProperty("caseId").GetString()!;
    }

    public async Task DisposeAsync() => await _district.DisposeAsync();

    private List<RouteEndpoint> ConsoleEndpoints() =>
        _district.Host.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<ITagsMetadata>().Any(t => t.Tags.Contains("Console"))).ToList();

    /// <summary>The page's address with the route's ids taken from <paramref name="records"/>, or null when one is not known.</summary>
    private static string? Address(RouteEndpoint endpoint, Dictionary<string, string> records)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => records.GetValueOrDefault(parameter.Name) ?? "\0",
            _ => "",
        }))).ToList();
        var path = "/" + string.Join('/', segments);
        return path.Contains('\0') ? null : path;
    }

    [Fact]
    public void Every_console_page_declares_one_access_rule_over_its_groups_place()
    {
        var pages = ConsoleEndpoints();
        pages.Count.ShouldBeGreaterThan(10);
        var undeclared = pages.Select(e => (e.DisplayName, Why: PlaceGroups.Undeclared(e.Metadata))).Where(e => e.Why is not null).Select(e => $"{e.DisplayName}: {e.Why}").ToList();
        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_browser_without_a_session_is_sent_to_sign_in_and_back_to_the_page_it_asked_for()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _district.Address };
        var gets = ConsoleEndpoints().Where(e => e.Metadata.OfType<HttpMethodMetadata>().Single().HttpMethods.Contains("GET"))
            .Select(e => Address(e, _shangzhan)).OfType<string>().ToList();
        gets.Count.ShouldBeGreaterThan(5);
        var wrong = new List<string>();
        foreach (var path in gets)
        {
            using var response = await browser.GetAsync(path);
            var location = response.Headers.Location?.ToString();
            if (response.StatusCode != HttpStatusCode.Redirect || location != "/login?return=" + Uri.EscapeDataString(path))
                wrong.Add($"{path} → {(int)response.StatusCode} {location}");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_streets_pages_answer_a_403_page_to_a_street_operator()
    {
        var token = await (await _district.Client().PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" })).JsonAsync();
        using var office = _district.Client(token.GetProperty("token").GetString()!);
        var pages = ConsoleEndpoints().Where(e => e.RoutePattern.Parameters.Count > 0 && e.Metadata.OfType<HttpMethodMetadata>().Single().HttpMethods.Contains("GET"))
            .Select(e => Address(e, _shangzhan)).OfType<string>().ToList();
        pages.Count.ShouldBeGreaterThan(5);
        var wrong = new List<string>();
        foreach (var path in pages)
        {
            using var response = await office.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "text/html" || !body.Contains("无权访问"))
                wrong.Add($"{path} → {(int)response.StatusCode} {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 600)]}");
        }
        wrong.ShouldBeEmpty();
    }
}
