using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access;

/// <summary>
/// Runs once the silo is up: makes sure the district has an admin token. With <c>Auth:BootstrapToken</c> (or
/// <c>Auth:BootstrapTokenFile</c>) it records that token at every start; otherwise, on the very first start only, it
/// issues one and writes it to <see cref="FirstStartTokenFile"/> in the data directory. The log names the file, never
/// the token.
/// </summary>
internal sealed class DistrictBootstrap(TokenIssuer tokens, IGrainFactory grains, AuthOptions auth, DataDirectory data, ILogger<DistrictBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = grains.GetGrain<IDistrictSetupGrain>(IDistrictSetupGrain.Key);
        if (auth.EffectiveBootstrapToken() is { } bootstrap)
        {
            await tokens.RecordAsync(bootstrap, new TokenGrant(Role.DistrictAdmin, Scope.District, "Auth:BootstrapToken", "configuration"));
            await setup.MarkInitializedAsync();
            log.LogInformation("区级管理员令牌来自配置 (district-admin token from Auth:BootstrapToken, id {TokenId})", TokenIssuer.IdOf(bootstrap));
            return;
        }
        if (await setup.IsInitializedAsync())
            return;
        var issued = await tokens.IssueFromHostAsync("host first start",
            new TokenRequest(Role.DistrictAdmin.Name(), "district", "district admin (first start)"));
        var path = FirstStartTokenFile.Write(data.Path, issued.Issued!.Token);
        await setup.MarkInitializedAsync();
        log.LogWarning(
            "首次启动:区级管理员令牌 (id {TokenId}) 已写入 {Path},仅所有者可读,取出后请删除该文件 (first start: the district-admin token " +
            "is in that file, readable by its owner only; take it and delete the file)", issued.Issued.TokenId, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
