using System.Globalization;
using ModularGov.SharedKernel.State;

namespace ModularGov.Dispatch.Centre;

/// <summary>A month written <c>yyyy-MM</c>, in China time.</summary>
internal static class Months
{
    public static bool TryParse(string text, out DateTimeOffset start, out DateTimeOffset end)
    {
        start = end = default;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return false;
        start = new DateTimeOffset(month, ChinaTime.Offset);
        end = start.AddMonths(1);
        return true;
    }

    /// <summary>The month (<c>yyyy-MM</c>, China time) a moment falls in.</summary>
    public static string Of(DateTimeOffset moment) => moment.ToOffset(ChinaTime.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool Contains(DateTimeOffset start, DateTimeOffset end, DateTimeOffset? moment) => moment is { } m && m >= start && m < end;
}
