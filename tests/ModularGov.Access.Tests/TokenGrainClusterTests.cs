using Microsoft.Extensions.DependencyInjection;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using Orleans.TestingHost;

namespace ModularGov.Access.Tests;

/// <summary>Token grains on a real two-silo Orleans cluster: the answer does not depend on the silo a call enters by.</summary>
public sealed class TokenGrainClusterTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddSingleton(TimeProvider.System);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private TokenIssuer IssuerOnSilo(int silo) =>
        new(_cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>(), new TestStreets(), TimeProvider.System);

    [Fact]
    public async Task A_token_issued_through_one_silo_is_the_same_token_through_the_other()
    {
        _cluster.Silos.Count.ShouldBe(2);
        var admin = new AccessIdentity(Role.DistrictAdmin, Scope.District, "a", "区");
        var issued = (await IssuerOnSilo(0).IssueAsync(admin, "street-operator", "street:nanshanlu", "南山路街道办")).Issued!;

        var throughSecond = await IssuerOnSilo(1).AuthenticateAsync(issued.Token);
        throughSecond.ShouldBe(new AccessIdentity(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), issued.TokenId, "南山路街道办"));

        // Deactivate and let the next call re-activate it from storage, wherever the cluster places it.
        await _cluster.DeactivateAsync(_cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>()
            .GetGrain<Contracts.IAccessTokenGrain>(issued.TokenId));
        (await IssuerOnSilo(0).AuthenticateAsync(issued.Token)).ShouldBe(throughSecond);
        (await IssuerOnSilo(1).AuthenticateAsync(issued.Token + "x")).ShouldBeNull();

        (await IssuerOnSilo(1).RevokeAsync(issued.TokenId)).ShouldBeTrue();
        (await IssuerOnSilo(0).AuthenticateAsync(issued.Token)).ShouldBeNull();
        (await IssuerOnSilo(0).RevokeAsync(issued.TokenId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Recording_a_bootstrap_token_twice_is_idempotent_but_a_clash_is_refused()
    {
        var grant = new Contracts.TokenGrant(Role.DistrictAdmin, Scope.District, "Auth:BootstrapToken", "configuration");
        await IssuerOnSilo(0).RecordAsync("known-admin-token", grant);
        await IssuerOnSilo(1).RecordAsync("known-admin-token", grant);
        (await IssuerOnSilo(1).AuthenticateAsync("known-admin-token"))!.Role.ShouldBe(Role.DistrictAdmin);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            IssuerOnSilo(1).RecordAsync("known-admin-token", grant with { Label = "someone else" }));
    }
}
