using ModularGov.Access.Contracts;
using ModularGov.Host.Audit;
using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>accounts reset &lt;login&gt;</c>, on a stopped host's data directory: the way back in when an administrator has lost their
/// password, their authenticator and their recovery codes, and no other administrator can help (the security administrator
/// resets second factors, but not their own). It unlocks the account, removes its second factor and sets a one-time password,
/// shown once; the next sign-in must change it and enrol again. Whoever runs it has the machine and its data; the change is in
/// the operation log with the command line as the actor.
/// </summary>
internal static class AccountCommands
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["reset", var login, .. var rest] || login.StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine("usage: accounts reset <login>");
            return 2;
        }
        var configuration = DistrictConfiguration.Build(rest);
        var settings = HostSettings.From(configuration);
        if (settings.Storage.Provider != StorageProviders.LiteDb)
        {
            output.WriteLine($"refused: Storage:Provider is {settings.Storage.Provider}; the security administrator resets accounts on the running host");
            return 1;
        }
        // Logged while the verb still holds the data directory, so no host can have the log open.
        string? password;
        try
        {
            password = await OfflineSilo.RunAsync(configuration, settings, async services =>
            {
                var recovered = await services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(login.Trim().ToLowerInvariant()).RecoverAsync();
                await OfflineAudit.RecordAsync(configuration, settings, "Access", "accounts reset", $"login={login}",
                    recovered is null ? AuditOutcomes.Rejected : AuditOutcomes.Succeeded, recovered is null ? "no such account" : "password, second factor and lock reset");
                return recovered;
            });
        }
        catch (DataDirectoryInUseException e)
        {
            output.WriteLine($"refused: {e.Message}: stop the host first (while it runs, the security administrator resets others' accounts)");
            return 1;
        }
        if (password is null)
        {
            output.WriteLine($"refused: no account '{login}'");
            return 1;
        }
        output.WriteLine($"account:  {login}");
        output.WriteLine($"password: {password}");
        output.WriteLine("一次性密码仅显示这一次;首次登录须修改密码并重新绑定动态口令 (shown only now; the next sign-in changes it and enrols a second factor again).");
        return 0;
    }
}
