namespace ModularGov.Testing;

/// <summary>
/// Bootstrap tokens for hosts started by tests and benchmarks: a bootstrap token must be at least 32 characters (a
/// shorter one refuses the start), and these are, each naming what it is for.
/// </summary>
internal static class TestTokens
{
    public const string Admin = "test-district-admin-token-0123456789abcdef";
    public const string Cluster = "test-cluster-admin-token-0123456789abcdef";
    public const string Backup = "test-backup-admin-token-0123456789abcdef";
    public const string Kill = "test-kill-admin-token-0123456789abcdef";
    public const string Restart = "test-restart-admin-token-0123456789abcdef";
    public const string Reminder = "test-reminder-admin-token-0123456789abcdef";
    public const string Other = "test-other-admin-token-0123456789abcdef";
    public const string HostStart = "test-host-start-admin-token-0123456789abcdef";
    public const string Bench = "bench-district-admin-token-0123456789abcdef";
}
