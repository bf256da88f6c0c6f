using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>One in-process district shared by the tests of a class (they assert on differences, never on a blank slate).</summary>
public sealed class DistrictFixture : IAsyncLifetime
{
    internal InProcessDistrict District { get; private set; } = null!;

    public async Task InitializeAsync() => District = await InProcessDistrict.StartAsync();

    public async Task DisposeAsync() => await District.DisposeAsync();

    private Task<Person>? _auditor;

    public HttpClient Client(string? token = InProcessDistrict.AdminToken) => District.Client(token);

    /// <summary>The first start's audit administrator, signed in once for the class.</summary>
    internal Task<Person> AuditorAsync() => _auditor ??= District.AdministratorAsync("auditadmin");

    /// <summary>Issues a token through the API as the district admin and returns it.</summary>
    public async Task<string> TokenAsync(string role, string scope, string? label = null)
    {
        var response = await Client().PostAsJsonAsync("/api/tokens", new { role, scope, label = label ?? $"{role} {scope}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }
}
