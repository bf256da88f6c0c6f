using ModularGov.Host.Cli;
using ModularGov.Host.Hosting;

try
{
    switch (args)
    {
        case ["plugins", .. var rest]:
            return PluginCommands.Run(rest, Console.Out);
        case ["tokens", .. var rest]:
            return await TokenCommands.RunAsync(rest, Console.Out);
        case ["dispatch", .. var rest]:
            return await DispatchCommands.RunAsync(rest, Console.Out);
        case ["duties", .. var rest]:
            return await DutyCommands.RunAsync(rest, Console.Out);
        case ["personnel", .. var rest]:
            return await PersonnelCommands.RunAsync(rest, Console.Out);
        case ["accounts", .. var rest]:
            return await AccountCommands.RunAsync(rest, Console.Out);
        case ["audit", .. var rest]:
            return AuditCommands.Run(rest, Console.Out);
        case ["backup" or "restore", ..]:
            return await BackupCommands.RunAsync(args, Console.Out);
        default:
            await using (var host = DistrictHost.Create(args))
                await host.RunAsync();
            return 0;
    }
}
catch (Exception e) when (StartupRefusal.Reason(e) is { } reason)
{
    Console.Error.WriteLine($"ModularGov.Host 拒绝启动 (refused to start): {reason}");
    return 3;
}
