using System.Globalization;
using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Dispatch;

/// <summary>Configuration section <c>Dispatch</c>: time limits, windows, ranking weights and thresholds.</summary>
internal sealed class DispatchOptions : ICheckedOptions
{
    public const string Section = "Dispatch";

    public TimeSpan EmergencyLimit { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan UtilitiesLimit { get; set; } = TimeSpan.FromHours(24);
    public int OrdinaryWorkingDays { get; set; } = 7;
    public int ComplexWorkingDays { get; set; } = 15;

    /// <summary>Working days each deliberation level has before the case goes up a level.</summary>
    public int[] DeliberationWorkingDays { get; set; } = [1, 2, 3];

    /// <summary>An open case at the same place, of the same category, received this close in time, is the same case.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>A lead unit has responded on time if its first progress report comes within this many working days.</summary>
    public int ResponseWorkingDays { get; set; } = 1;

    public double ResponseWeight { get; set; } = 0.3;
    public double ResolutionWeight { get; set; } = 0.4;
    public double SatisfactionWeight { get; set; } = 0.3;

    /// <summary>A unit is ranked only if it led at least this many cases in the month.</summary>
    public int MinimumCasesForRanking { get; set; } = 3;

    /// <summary>How many units at the bottom of a closed month are sanctioned.</summary>
    public int BottomUnits { get; set; } = 1;

    /// <summary>A class of case (category, place, cause) repeating this many times within <see cref="ClassWindowDays"/> prompts a standing fix.</summary>
    public int ClassRepeatCases { get; set; } = 3;
    public int ClassWindowDays { get; set; } = 30;

    public IReadOnlyList<string> Problems()
    {
        var checks = new SettingChecks(Section)
            .Between(nameof(EmergencyLimit), EmergencyLimit, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30))
            .Between(nameof(UtilitiesLimit), UtilitiesLimit, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30))
            .Between(nameof(OrdinaryWorkingDays), OrdinaryWorkingDays, 1, 60)
            .Between(nameof(ComplexWorkingDays), ComplexWorkingDays, 1, 60)
            .That(DeliberationWorkingDays.Length is >= 1 and <= 3 && DeliberationWorkingDays.All(days => days is >= 1 and <= 60),
                nameof(DeliberationWorkingDays), "must give 1 to 3 levels (the last one serves the levels after it) of 1 to 60 working days each",
                $"[{string.Join(", ", DeliberationWorkingDays)}]")
            .Between(nameof(DuplicateWindow), DuplicateWindow, TimeSpan.Zero, TimeSpan.FromDays(30))
            .Between(nameof(ResponseWorkingDays), ResponseWorkingDays, 1, 60)
            .Between(nameof(ResponseWeight), ResponseWeight, 0, 1)
            .Between(nameof(ResolutionWeight), ResolutionWeight, 0, 1)
            .Between(nameof(SatisfactionWeight), SatisfactionWeight, 0, 1)
            .That(ResponseWeight + ResolutionWeight + SatisfactionWeight > 0, $"{nameof(ResponseWeight)} + {nameof(ResolutionWeight)} + {nameof(SatisfactionWeight)}",
                "must be more than 0", (ResponseWeight + ResolutionWeight + SatisfactionWeight).ToString(CultureInfo.InvariantCulture))
            .Between(nameof(MinimumCasesForRanking), MinimumCasesForRanking, 1, 1000)
            .Between(nameof(BottomUnits), BottomUnits, 0, 100)
            .Between(nameof(ClassRepeatCases), ClassRepeatCases, 2, 1000)
            .Between(nameof(ClassWindowDays), ClassWindowDays, 1, 366);
        return checks.Problems;
    }

    public Urgency DefaultUrgency(ProblemCategory category) => category == ProblemCategory.Utilities ? Urgency.Utilities : Urgency.Ordinary;
}
