namespace ModularGov.SharedKernel.State;

/// <summary>
/// Dates and deadlines are China Standard Time (UTC+8, no daylight saving) whatever the server's zone, so
/// every recorded moment carries the +08:00 offset.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);
}
