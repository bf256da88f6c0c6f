using System.Text.RegularExpressions;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Development;

/// <summary>星级化管理: every configured criterion scored within its maximum, the total, the stars it earns and the pay that follows.</summary>
internal static partial class StarRule
{
    /// <summary>A year (2026), a half (2026-H1) or a quarter (2026-Q3).</summary>
    [GeneratedRegex(@"^\d{4}(-(H[12]|Q[1-4]))?$")]
    public static partial Regex PeriodPattern();

    public sealed record Scored(IReadOnlyList<CriterionScore> Scores, int Total, int Stars, decimal MonthlyPay);

    public static Outcome<Scored> Score(PersonnelOptions options, IReadOnlyDictionary<string, int> points)
    {
        var unknown = points.Keys.Where(code => options.StarCriteria.All(c => c.Code != code)).ToList();
        if (unknown.Count > 0)
            return Outcome<Scored>.Refuse(Refusal.Invalid, $"未知的评分项 {string.Join("、", unknown)} (unknown criteria; the district scores {string.Join(", ", options.StarCriteria.Select(c => c.Code))})");
        var scores = new List<CriterionScore>();
        foreach (var criterion in options.StarCriteria)
        {
            if (!points.TryGetValue(criterion.Code, out var given))
                return Outcome<Scored>.Refuse(Refusal.Invalid, $"缺少评分项「{criterion.Name}」 (criterion {criterion.Code} is not scored)");
            if (given < 0 || given > criterion.MaxPoints)
                return Outcome<Scored>.Refuse(Refusal.Invalid,
                    $"「{criterion.Name}」得分须在 0–{criterion.MaxPoints} 之间,收到 {given} ({criterion.Code} takes 0 to {criterion.MaxPoints} points, not {given})");
            scores.Add(new CriterionScore(criterion.Code, given));
        }
        var total = scores.Sum(s => s.Points);
        var stars = options.StarMinimumScores.Count(minimum => total >= minimum);
        return Outcome<Scored>.Ok(new Scored(scores, total, stars, options.StarMonthlyPay[stars - 1]));
    }
}
