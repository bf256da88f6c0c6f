using ModularGov.Grids.Contracts;
using ModularGov.Grids.Problems;
using ModularGov.PropertyTiers.Contracts;

namespace ModularGov.Grids.Views;

// What the API answers and the console's pages show of a street's grids and stations: one shape for both, so a page cannot
// show a figure the API would not. Public because the pages (Razor components) that take them are.

public sealed record HouseholdsPerGrid(int Min, int Max, double Average, int RuleMin, int RuleMax);

public sealed record ProblemTotals(int Filed, int Accepted, int InProgress, int Resolved, int Escalated, int Open, int Total)
{
    public static ProblemTotals Of(ProblemCounts c) => new(c.Filed, c.Accepted, c.InProgress, c.Resolved, c.Escalated, c.Open, c.Total);
}

/// <summary>
/// A street at a glance; its problems filed per month (the last 12) by category, and how many were filed before the host counted
/// them by month.
/// </summary>
public sealed record StreetSummary(
    string Street, string Name, int CompoundsBeforeMerge, int Compounds, int Grids, int Households, int Residents,
    HouseholdsPerGrid HouseholdsPerGrid, TierCounts Tiers, ProblemTotals Problems, IReadOnlyList<MonthlyProblems> ProblemsByMonth, int FiledBeforeMonthlyCount);

/// <summary>One month's filed problems by category (the API's category names), and their total.</summary>
public sealed record MonthlyProblems(string Month, IReadOnlyDictionary<string, int> ByCategory, int Total)
{
    /// <summary>Months in order from counts keyed <c>yyyy-MM/category</c>.</summary>
    public static IReadOnlyList<MonthlyProblems> Of(IReadOnlyDictionary<string, int>? counts) =>
        (counts ?? new Dictionary<string, int>()).GroupBy(c => MonthlyFilingKeys.Split(c.Key).Month).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MonthlyProblems(m.Key, m.ToDictionary(c => MonthlyFilingKeys.Split(c.Key).Category, c => c.Value), m.Sum(c => c.Value))).ToList();
}

public sealed record GridListItem(string Id, string Name, string Community, string CommunityName, int Households, int Residents,
    string Worker, int MicroGridLeads, ProblemTotals Problems);

public sealed record StationHistoryView(int Reported, int Resolved, string Source);

public sealed record StationView(string Id, string Code, string Name, string Kind, string Community, string CommunityName,
    int Reported, int Resolved, StationHistoryView? History, StationCounts Live, bool Sample);

/// <summary>A community of the street as its grids add up: how many, their households and residents, and their open problems.</summary>
public sealed record CommunityTotals(string Code, string Name, int Grids, int Households, int Residents, int OpenProblems)
{
    public static IReadOnlyList<CommunityTotals> Of(IEnumerable<GridListItem> grids) =>
        grids.GroupBy(g => (g.Community, g.CommunityName))
            .Select(c => new CommunityTotals(c.Key.Community, c.Key.CommunityName, c.Count(), c.Sum(g => g.Households), c.Sum(g => g.Residents), c.Sum(g => g.Problems.Open)))
            .ToList();
}
