using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Tests.Infrastructure;
using Orleans.Runtime;

namespace ModularGov.Host.Tests.Http;

/// <summary>
/// Ids in a route that cannot name a record are refused before any grain is activated: a flood of made-up case ids
/// costs the host a pattern match each, not an activation each.
/// </summary>
public sealed class HostileRouteIdTests(DistrictFixture fixture) : IClassFixture<DistrictFixture>
{
    private async Task<int> CaseActivationsAsync()
    {
        var management = fixture.District.Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("DispatchCaseGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    [Fact]
    public async Task Case_ids_that_cannot_name_a_case_activate_no_case_grain()
    {
        using var centre = fixture.Client();
        var before = await CaseActivationsAsync();
        var ids = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => $"nosuch{i}",
            1 => $"dc20{i:D2}",
            _ => $"dc2026-{new string('9', 30)}{i}",
        });
        foreach (var id in ids)
        {
            using var response = await centre.GetAsync($"/api/dispatch/cases/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, id);
        }
        (await CaseActivationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Outside_the_centre_a_made_up_case_id_and_a_real_one_of_someone_else_answer_the_same_403()
    {
        using var street = fixture.Client(await fixture.TokenAsync("street-operator", "street:yijing"));
        var made = await (await street.GetAsync("/api/dispatch/cases/nosuch")).ShouldBeProblemAsync(403);
        var unknown = await (await street.GetAsync("/api/dispatch/cases/dc2026-99999")).ShouldBeProblemAsync(403);
        made.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/problems/nanshanlu.g001.pxyz")]
    [InlineData("/api/problems/nanshanlu.g001.p1;DROP")]
    [InlineData("/api/tier-changes/nanshanlu.tcx/approve")]
    [InlineData("/api/duty-changes/nanshanlu.dc-1/approve")]
    public async Task A_record_id_that_is_not_a_numbered_record_of_its_street_is_a_404(string path)
    {
        using var request = new HttpRequestMessage(path.StartsWith("/api/problems", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path)
        {
            Content = path.StartsWith("/api/problems", StringComparison.Ordinal) ? null : new StringContent("{\"note\": \"x\", \"legalBasis\": \"x\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        await (await fixture.Client().SendAsync(request)).ShouldBeProblemAsync(404);
    }
}
