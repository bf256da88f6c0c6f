using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The whole host on LiteDB over a disk whose flush the test makes fail.</summary>
public sealed class DiskFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private volatile bool _diskFails;

    private LiteDbStore FailingDisk(IServiceProvider services) => new(_folder.Path, services.GetRequiredService<ILogger<LiteDbStore>>(), flush: path =>
    {
        if (_diskFails)
            throw new IOException($"fsync of {path} failed (errno 5, test)");
        LogFileSync.Flush(path);
    });

    private static Task<HttpResponseMessage> IssueAsync(HttpClient admin) =>
        admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" });

    [Fact]
    public async Task After_a_failed_flush_the_host_refuses_every_write_and_health_says_why()
    {
        await using var district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" },
            dataDir: _folder.Path, replace: services => services.AddSingleton(FailingDisk));
        var admin = district.Client();
        var anyone = district.Client(token: null);
        (await IssueAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await anyone.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _diskFails = true;
        (await IssueAsync(admin)).IsSuccessStatusCode.ShouldBeFalse();
        _diskFails = false;
        var refused = await (await IssueAsync(admin)).ShouldBeProblemAsync(503);
        refused.GetProperty("code").GetString().ShouldBe("storage-failed");
        refused.GetProperty("detail").GetString()!.ShouldContain("no longer known to be safe");

        var health = await anyone.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await health.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("storage-failed");
        body.GetProperty("storageFailure").GetString()!.ShouldContain("errno 5, test");
    }

    public void Dispose() => _folder.Dispose();
}
