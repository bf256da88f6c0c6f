using System.Globalization;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access;

/// <summary>
/// When a token expires: <c>now + lifetime</c> (<c>Auth:TokenLifetime</c>, one year by default) unless the issuer asks
/// for an earlier moment. An <c>expiresAt</c> is an ISO 8601 date or date-time; without an offset it is China
/// Standard Time, like every date of the district. It must lie in the future and not beyond the longest lifetime.
/// </summary>
internal static class TokenExpiry
{
    /// <summary>The longest <c>expiresAt</c> text accepted (a date-time with fractions and an offset is about 35).</summary>
    public const int MaxTextLength = 40;

    /// <summary>A token recorded before tokens had an expiry lives this long from its issue.</summary>
    public static readonly TimeSpan LegacyLifetime = AuthOptions.DefaultTokenLifetime;

    public static (DateTimeOffset? At, string? Error) Resolve(string? expiresAt, DateTimeOffset now, TimeSpan lifetime)
    {
        var latest = (now + lifetime).ToOffset(ChinaTime.Offset);
        if (string.IsNullOrWhiteSpace(expiresAt))
            return (latest, null);
        if (!TryParse(expiresAt.Trim(), out var at))
            return (null, $"expiresAt '{expiresAt}' is not an ISO 8601 date or date-time (e.g. 2027-06-30 or 2027-06-30T18:00:00+08:00)");
        if (at <= now)
            return (null, $"expiresAt {at:yyyy-MM-dd'T'HH:mm:sszzz} is not in the future");
        if (at > latest)
            return (null, $"expiresAt {at:yyyy-MM-dd'T'HH:mm:sszzz} is beyond the longest token lifetime ({lifetime.TotalDays:0.##} days, until {latest:yyyy-MM-dd'T'HH:mm:sszzz})");
        return (at.ToOffset(ChinaTime.Offset), null);
    }

    private static readonly string[] Local = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private static bool TryParse(string text, out DateTimeOffset at)
    {
        if (DateTime.TryParseExact(text, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local, ChinaTime.Offset);
            return true;
        }
        // The text names its offset (or Z): read as written, never in the server's own zone.
        return DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
