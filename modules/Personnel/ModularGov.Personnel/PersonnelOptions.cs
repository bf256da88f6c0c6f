using System.Globalization;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Personnel;

/// <summary>
/// Configuration section <c>Personnel</c>: the district's secondment rule (《城区借调工作人员管理办法》), the criteria, levels and
/// incentive pay of the party secretaries' star rating (星级化管理), and how far back training counts. The seed gives none of these
/// figures: the defaults are a starting point a district replaces with its own rules.
/// </summary>
internal sealed class PersonnelOptions : ICheckedOptions
{
    public const string Section = "Personnel";

    /// <summary>The longest a secondment may be approved for, in days, from the day it starts to the return date.</summary>
    public int SecondmentMaxDays { get; set; } = 180;

    /// <summary>What a secretary is scored on, each up to its maximum points.</summary>
    public StarCriterion[] StarCriteria { get; set; } =
    [
        new() { Code = "political", Name = "政治建设", MaxPoints = 20 },
        new() { Code = "organisation", Name = "组织建设", MaxPoints = 20 },
        new() { Code = "service", Name = "服务群众", MaxPoints = 25 },
        new() { Code = "governance", Name = "基层治理", MaxPoints = 20 },
        new() { Code = "satisfaction", Name = "群众满意度", MaxPoints = 15 },
    ];

    /// <summary>The lowest total that earns 1, 2, 3, 4 and 5 stars (the first is 0: every rating earns at least one star).</summary>
    public int[] StarMinimumScores { get; set; } = [0, 60, 75, 85, 95];

    /// <summary>The monthly incentive pay, in yuan, at 1, 2, 3, 4 and 5 stars.</summary>
    public decimal[] StarMonthlyPay { get; set; } = [200, 400, 600, 800, 1000];

    /// <summary>Someone with no training completed in this many days is listed as having had none.</summary>
    public int TrainingLookbackDays { get; set; } = 365;

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(SecondmentMaxDays), SecondmentMaxDays, 1, 730)
        .That(StarCriteria.Length is >= 1 and <= 20 && StarCriteria.All(c => c.Code is { Length: >= 1 and <= 32 } && !string.IsNullOrWhiteSpace(c.Name) && c.MaxPoints is >= 1 and <= 1000)
              && StarCriteria.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() == StarCriteria.Length,
            nameof(StarCriteria), "must list 1 to 20 criteria, each with its own code (1–32 characters), a name and 1 to 1000 points",
            string.Join(", ", StarCriteria.Select(c => $"{c.Code}:{c.MaxPoints}")))
        .That(StarMinimumScores.Length == 5 && StarMinimumScores[0] == 0 && StarMinimumScores.Zip(StarMinimumScores.Skip(1)).All(p => p.First < p.Second),
            nameof(StarMinimumScores), "must give 5 rising totals for 1 to 5 stars, the first 0", $"[{string.Join(", ", StarMinimumScores)}]")
        .That(StarMonthlyPay.Length == 5 && StarMonthlyPay.All(p => p >= 0) && StarMonthlyPay.Zip(StarMonthlyPay.Skip(1)).All(p => p.First <= p.Second),
            nameof(StarMonthlyPay), "must give 5 amounts in yuan for 1 to 5 stars, none negative, none below the level under it",
            $"[{string.Join(", ", StarMonthlyPay.Select(p => p.ToString(CultureInfo.InvariantCulture)))}]")
        .Between(nameof(TrainingLookbackDays), TrainingLookbackDays, 30, 3660)
        .Problems;
}

/// <summary>One criterion of the star rating.</summary>
internal sealed class StarCriterion
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int MaxPoints { get; set; }
}
