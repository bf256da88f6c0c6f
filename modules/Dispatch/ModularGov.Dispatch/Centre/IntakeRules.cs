using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Dispatch.Centre;

/// <summary>What intake (事件接收组) checks of every report, whatever its source.</summary>
internal sealed class IntakeRules(IStreetDirectory streets)
{
    public const int MaxDescription = TextRules.MaxReport;
    public const int MaxPlace = 200;

    public string? Check(NewCase report)
    {
        var street = streets.Find(report.Street);
        if (street is null)
            return $"street '{report.Street}' is not served by this host";
        if (street.Profile.Community(report.Community) is null)
            return $"community '{report.Community}' does not exist in street '{report.Street}'";
        if (report.Compound is { } compound && street.Layout.Compounds.All(c => c.Code != compound) && street.Layout.MergePlan.Compounds.All(m => m.Code != compound))
            return $"compound '{compound}' does not exist in street '{report.Street}'";
        return TextRules.Check("description", report.Description, MaxDescription)
            ?? TextRules.Check("place", report.Place, MaxPlace)
            ?? (string.IsNullOrWhiteSpace(report.SourceRef) ? "the report needs its source reference" : null);
    }

    /// <summary>Two reports are at the same place when they name the same compound, or the same place ignoring spaces.</summary>
    public static string PlaceKey(string? compound, string place) =>
        compound ?? string.Concat(place.Where(c => !char.IsWhiteSpace(c)));
}
