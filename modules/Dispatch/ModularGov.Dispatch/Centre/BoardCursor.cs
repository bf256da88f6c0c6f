using System.Globalization;
using ModularGov.Dispatch.Contracts;

namespace ModularGov.Dispatch.Centre;

/// <summary>Where a board page ended: the last case's deadline (UTC ticks) and id, written <c>ticks.id</c>.</summary>
internal static class BoardCursor
{
    public static string Of(CaseIndexEntry entry) => $"{entry.Deadline.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{entry.Id}";

    public static (long Ticks, string Id)? Parse(string? cursor)
    {
        if (cursor is null)
            return null;
        var dot = cursor.IndexOf('.');
        return dot > 0 && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? (ticks, cursor[(dot + 1)..])
            : null;
    }

    public static int Compare(CaseIndexEntry entry, (long Ticks, string Id) cursor)
    {
        var byDeadline = entry.Deadline.UtcTicks.CompareTo(cursor.Ticks);
        return byDeadline != 0 ? byDeadline : string.CompareOrdinal(entry.Id, cursor.Id);
    }
}
