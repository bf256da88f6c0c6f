using System.Text.RegularExpressions;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.Duties.Burden;

/// <summary>An indicator departments ask communities to report, and how often (monthly: 2026-11; quarterly: 2026-Q4).</summary>
internal sealed record Indicator(string Code, string Name, string Period);

/// <summary>The district's indicator catalogue (data/indicators.json), so one figure is reported once a period (报表统一报送).</summary>
internal sealed partial class Indicators(IReadOnlyList<Indicator> all)
{
    public IReadOnlyList<Indicator> All { get; } = all;

    public static Indicators Shipped() => new(EmbeddedStreetData.Read<List<Indicator>>(typeof(Indicators).Assembly, "indicators.json"));

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial Regex Quarter();

    /// <summary>Why the indicator or its period is wrong, or null.</summary>
    public string? Check(string code, string period)
    {
        var indicator = All.FirstOrDefault(i => i.Code == code);
        if (indicator is null)
            return $"indicator '{code}' is not in the catalogue: {string.Join(", ", All.Select(i => i.Code))}";
        var valid = indicator.Period == "quarterly" ? Quarter().IsMatch(period) : Month().IsMatch(period);
        return valid ? null : $"'{code}' is reported {indicator.Period}: the period is written {(indicator.Period == "quarterly" ? "yyyy-Qn" : "yyyy-MM")}";
    }
}
