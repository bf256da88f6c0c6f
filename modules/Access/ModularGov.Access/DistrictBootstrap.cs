using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access;

/// <summary>
/// Runs once the silo is up: makes sure the district has an admin token. On the very first start it issues
/// one and logs it (the only time it is ever shown), unless <c>Auth:BootstrapToken</c> supplies it.
/// </summary>
internal sealed class DistrictBootstrap(TokenIssuer tokens, IGrainFactory grains, AuthOptions auth, ILogger<DistrictBootstrap> log) : IHostedService
{
    private static readonly AccessIdentity FirstStart = new(Role.DistrictAdmin, Scope.District, "first-start", "host first start");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = grains.GetGrain<IDistrictSetupGrain>(IDistrictSetupGrain.Key);
        var bootstrap = auth.BootstrapToken;
        if (!string.IsNullOrEmpty(bootstrap))
        {
            await tokens.RecordAsync(bootstrap, new TokenGrant(Role.DistrictAdmin, Scope.District, "Auth:BootstrapToken", "configuration"));
            await setup.MarkInitializedAsync();
            log.LogInformation("区级管理员令牌来自配置 (district-admin token from Auth:BootstrapToken, id {TokenId})", TokenIssuer.IdOf(bootstrap));
            return;
        }
        if (await setup.IsInitializedAsync())
            return;
        var issued = await tokens.IssueAsync(FirstStart, Role.DistrictAdmin.Name(), "district", "district admin (first start)");
        await setup.MarkInitializedAsync();
        log.LogWarning(
            "首次启动:区级管理员令牌,仅显示这一次 (first start: district-admin token, shown only now): {Token} (id {TokenId})",
            issued.Issued!.Token, issued.Issued.TokenId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
