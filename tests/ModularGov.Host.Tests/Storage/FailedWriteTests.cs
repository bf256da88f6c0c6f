using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.State;
using Orleans.Runtime;
using Orleans.Storage;

namespace ModularGov.Host.Tests.Storage;

/// <summary>The whole host on LiteDB behind a grain storage that refuses the writes the test picks.</summary>
public sealed class FailedWriteTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The host's LiteDB grain storage, refusing writes of the state named <see cref="RefuseState"/> while set.</summary>
    private sealed class RefusingWrites(IGrainStorage inner) : IGrainStorage
    {
        public volatile string? RefuseState;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => stateName == RefuseState
            ? throw new IOException($"the disk refused the write of {stateName}/{grainId} (test)")
            : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    [Fact]
    public async Task A_revocation_whose_write_fails_leaves_the_token_valid_not_revoked_in_memory_only()
    {
        RefusingWrites storage = null!;
        await using var district = await InProcessDistrict.StartAsync(new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb" },
            dataDir: _folder.Path, replace: services => services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (provider, _) => storage =
                new RefusingWrites(new LiteDbGrainStorage(provider.GetRequiredService<LiteDbStore>(), provider.GetRequiredService<IGrainStorageSerializer>()))));
        var admin = district.Client();
        var issued = await (await admin.PostAsJsonAsync("/api/tokens", new { role = "street-operator", scope = "street:nanshanlu", label = "南山路街道办" })).JsonAsync();
        var operatorClient = district.Client(issued.GetProperty("token").GetString());
        (await operatorClient.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK);

        storage.RefuseState = "token";
        (await admin.DeleteAsync($"/api/tokens/{issued.GetProperty("tokenId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        storage.RefuseState = null;

        (await operatorClient.GetAsync("/api/streets/nanshanlu")).StatusCode.ShouldBe(HttpStatusCode.OK, "the revocation never reached storage");
        (await admin.DeleteAsync($"/api/tokens/{issued.GetProperty("tokenId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await operatorClient.GetAsync("/api/streets/nanshanlu")).ShouldBeProblemAsync(401);
    }

    public void Dispose() => _folder.Dispose();
}
