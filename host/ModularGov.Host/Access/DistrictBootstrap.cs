using Microsoft.Extensions.Options;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Host.Access;

/// <summary>
/// Runs once the silo is up: makes sure the district has an admin token. On the very first start it issues
/// one and logs it (the only time it is ever shown), unless <c>Auth:BootstrapToken</c> supplies it.
/// </summary>
internal sealed class DistrictBootstrap(TokenService tokens, IGrainFactory grains, IOptions<AuthOptions> auth, ILogger<DistrictBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = grains.GetGrain<IDistrictSetupGrain>(DistrictSetupGrain.Key);
        var bootstrap = auth.Value.BootstrapToken;
        if (!string.IsNullOrEmpty(bootstrap))
        {
            await tokens.RecordAsync(bootstrap, new TokenGrant(Role.DistrictAdmin, Scope.District, "Auth:BootstrapToken", "configuration"));
            await setup.MarkInitializedAsync();
            log.LogInformation("区级管理员令牌来自配置 (district-admin token from Auth:BootstrapToken, id {TokenId})", TokenService.IdOf(bootstrap));
            return;
        }
        if (await setup.IsInitializedAsync())
            return;
        var issued = await tokens.IssueAsync(new TokenGrant(Role.DistrictAdmin, Scope.District, "first start", "host"));
        await setup.MarkInitializedAsync();
        log.LogWarning(
            "首次启动:区级管理员令牌,仅显示这一次 (first start: district-admin token, shown only now): {Token} (id {TokenId})",
            issued.Token, issued.TokenId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
