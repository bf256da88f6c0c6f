namespace ModularGov.Host.Audit;

/// <summary>
/// Once at start and then daily: removes the entries past <see cref="AuditOptions.RetentionDays"/> (the chain keeps its start
/// as an anchor), leaves an entry saying how many went, and writes the chain's span and last hash to the host's log, so a
/// copy of the head lives outside the log's own file (the system journal, the district's log collection).
/// </summary>
internal sealed class AuditRetention(AuditTrail trail, AuditOptions options, TimeProvider time, ILogger<AuditRetention> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await PurgeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "审计日志清理失败,明天重试 (purging expired log entries failed; tried again tomorrow)");
            }
        }
        while (await daily.WaitForNextTickAsync(stopping));
    }

    private async Task PurgeAsync()
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.RetentionDays);
        var purged = await trail.PurgeAsync(cutoff);
        if (purged > 0)
        {
            await trail.AppendAsync(new AuditEntry
            {
                AtTicks = now.UtcTicks,
                Kind = AuditKinds.Retention,
                Actor = "system",
                ActorLabel = "保留期清理 (retention purge)",
                Module = "Audit",
                Action = "purge",
                Outcome = AuditOutcomes.Succeeded,
                Status = StatusCodes.Status200OK,
                Detail = $"removed {purged} entries older than {options.RetentionDays} days (before {cutoff:O})",
            });
        }
        var (first, last, hash) = trail.Span();
        log.LogInformation("审计日志链 (audit chain): entries {First}–{Last}, last hash {Hash}, kept {Days} days", first, last, hash, options.RetentionDays);
    }
}
