using System.Globalization;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.State;

namespace ModularGov.Grids.Problems;

/// <summary>
/// Keys of the problems filed per month and category: <c>yyyy-MM/category</c> in China time. A grid keeps the last
/// <see cref="Months"/> months (at most 12 × 8 entries), so its state stays small however long it runs.
/// </summary>
internal static class MonthlyFilingKeys
{
    public const int Months = 12;

    public static string Of(DateTimeOffset filedAt, ProblemCategory category) =>
        $"{filedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture)}/{category.ToString().ToLowerInvariant()}";

    public static (string Month, string Category) Split(string key) => (key[..7], key[8..]);

    /// <summary>Drops the months before the last <see cref="Months"/> of those counted.</summary>
    public static void KeepRecent(Dictionary<string, int> counts)
    {
        var months = counts.Keys.Select(k => Split(k).Month).Distinct().Order(StringComparer.Ordinal).ToList();
        if (months.Count <= Months)
            return;
        var oldest = months[^Months];
        foreach (var key in counts.Keys.Where(k => string.CompareOrdinal(Split(k).Month, oldest) < 0).ToList())
            counts.Remove(key);
    }
}
