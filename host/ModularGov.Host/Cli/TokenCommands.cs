using ModularGov.Access.Contracts;
using ModularGov.Host.Audit;
using ModularGov.Host.Hosting;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Host.Cli;

/// <summary>
/// <c>tokens issue --role R --scope S [--label L] [--expires-at T]</c> and <c>tokens revoke &lt;tokenId&gt;</c>, on a
/// stopped host's data directory. While the host runs, use <c>POST /api/tokens</c> and <c>DELETE /api/tokens/{id}</c>.
/// The command line issues any role, district admins included: whoever runs it has the machine and its data.
/// </summary>
internal static class TokenCommands
{
    private const string CommandLine = "command line";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["issue", .. var rest]:
            {
                var configuration = DistrictConfiguration.Build(rest);
                if (SettingsForOfflineUse(configuration, output) is not { } settings)
                    return 1;
                var result = await OfflineSilo.RunAsync(configuration, settings, async services =>
                {
                    var issued = await services.GetRequiredService<ITokenIssuer>().IssueFromHostAsync(CommandLine,
                        new TokenRequest(configuration["role"], configuration["scope"], configuration["label"] ?? configuration["role"], configuration["expires-at"]));
                    await OfflineAudit.RecordAsync(configuration, settings, "Access", "tokens issue", issued.Issued is { } token ? $"tokenId={token.TokenId}" : "",
                        issued.Issued is null ? AuditOutcomes.Rejected : AuditOutcomes.Succeeded, $"{configuration["role"]} {configuration["scope"]}");
                    return issued;
                });
                if (result.Issued is not { } issued)
                {
                    output.WriteLine($"refused: {result.Error}");
                    return 1;
                }
                output.WriteLine($"token:    {issued.Token}");
                output.WriteLine($"token id: {issued.TokenId}");
                output.WriteLine($"role:     {issued.Grant.Role.Name()}  scope: {issued.Grant.Scope}  label: {issued.Grant.Label}");
                output.WriteLine($"expires:  {issued.ExpiresAt:yyyy-MM-dd HH:mm:ss zzz}");
                output.WriteLine("令牌仅显示这一次,请妥善保存 (the token is shown only now; keep it safe).");
                return 0;
            }
            case ["revoke", var tokenId, .. var rest]:
            {
                var configuration = DistrictConfiguration.Build(rest);
                if (SettingsForOfflineUse(configuration, output) is not { } settings)
                    return 1;
                var result = await OfflineSilo.RunAsync(configuration, settings, async services =>
                {
                    var revoked = await services.GetRequiredService<ITokenIssuer>().RevokeFromHostAsync(tokenId);
                    await OfflineAudit.RecordAsync(configuration, settings, "Access", "tokens revoke", $"tokenId={tokenId}",
                        revoked.Done ? AuditOutcomes.Succeeded : AuditOutcomes.Rejected, $"{revoked.Status}, {revoked.Revoked} revoked");
                    return revoked;
                });
                output.WriteLine(result.Status switch
                {
                    RevokeStatus.Revoked => $"revoked {tokenId} ({result.Revoked} token(s), with those it issued)",
                    RevokeStatus.AlreadyRevoked => $"{tokenId} was revoked already; {result.Revoked} token(s) it issued revoked now",
                    RevokeStatus.Invalid => $"refused: {result.Reason}",
                    _ => $"no token with id {tokenId}",
                });
                return result.Done ? 0 : 1;
            }
            default:
                output.WriteLine("usage: tokens issue --role <role> --scope <scope> [--label <who>] [--expires-at <date>] | tokens revoke <tokenId>");
                output.WriteLine($"roles: {string.Join(", ", Roles.All.Select(r => r.Name()))}");
                return 2;
        }
    }

    private static HostSettings? SettingsForOfflineUse(IConfiguration configuration, TextWriter output)
    {
        var settings = HostSettings.From(configuration);
        if (settings.Storage.Provider == StorageProviders.LiteDb)
            return settings;
        output.WriteLine($"refused: Storage:Provider is {settings.Storage.Provider}; a token issued there would vanish. Use POST /api/tokens on the running host.");
        return null;
    }
}
