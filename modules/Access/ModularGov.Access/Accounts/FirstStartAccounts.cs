using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Accounts;

/// <summary>
/// On the district's very first start (remembered by its own setup grain, apart from the first token's): one account for each
/// of the three administrators (三员), each with a one-time password written once to <see cref="FileName"/> in the data
/// directory, readable by its owner only, and changed at the first sign-in. The log names the file, never a password.
/// </summary>
internal sealed class FirstStartAccounts(IGrainFactory grains, DataDirectory data, ILogger<FirstStartAccounts> log) : IHostedService
{
    public const string FileName = "first-start-accounts";
    public const string SetupKey = "accounts";

    public static readonly (string Login, string DisplayName, Role Role)[] Administrators =
    [
        ("sysadmin", "系统管理员", Role.DistrictAdmin),
        ("secadmin", "安全管理员", Role.SecurityAdmin),
        ("auditadmin", "审计管理员", Role.AuditAdmin),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = grains.GetGrain<IDistrictSetupGrain>(SetupKey);
        if (await setup.IsInitializedAsync())
            return;
        var lines = new List<string>();
        foreach (var (login, displayName, role) in Administrators)
        {
            var password = InitialPasswords.New();
            var account = grains.GetGrain<IAccountGrain>(login);
            // Created already: by another silo of a cluster starting at the same moment, which writes its own file.
            if (await account.CreateAsync(displayName, password, [new AccountGrant(role, Scope.District)], "host first start"))
                lines.Add($"{login} {password}");
            await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).AddAsync(login);
        }
        if (lines.Count == 0)
        {
            // A first start that stopped after its file was written (which is then still there), or another silo's.
            await setup.MarkInitializedAsync();
            return;
        }
        var path = FirstStartTokenFile.Write(data.Path, string.Join('\n', lines), FileName);
        await setup.MarkInitializedAsync();
        log.LogWarning("首次启动:系统、安全、审计管理员账户的初始密码已写入 {Path},仅所有者可读;首次登录须修改密码并绑定动态口令,取出后请删除该文件 " +
            "(first start: the one-time passwords of the system, security and audit administrators are in that file, readable by its owner only; " +
            "each must be changed at the first sign-in, with a second factor enrolled; take them and delete the file)", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
