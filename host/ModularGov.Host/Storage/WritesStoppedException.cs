namespace ModularGov.Host.Storage;

/// <summary>
/// The store refuses every write since flushing its log to disk failed: what the disk holds is no longer known to be
/// safe (after a failed fsync the OS may have dropped the pages, and a later fsync can succeed without them), so the
/// host stops acknowledging writes rather than carry on as if the data were safe. Cleared only by a restart.
/// </summary>
internal sealed class WritesStoppedException(DateTimeOffset since, Exception cause) : IOException(
    $"存储已停止写入:{since:yyyy-MM-dd HH:mm:ss}Z 数据刷盘失败,磁盘上的数据不再确定安全 (writes stopped: flushing the district's data to disk failed " +
    $"at {since:O}, so the data on disk is no longer known to be safe; check the disk and restart the host): {cause.Message}", cause);
