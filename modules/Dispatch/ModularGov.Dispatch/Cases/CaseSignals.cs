using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Dispatch.Cases;

/// <summary>The live topics a case tells of its changes: its own page, the centre's board and overview, and each unit it concerns.</summary>
internal static class CaseSignals
{
    public const string Kind = "case";

    /// <summary>A department's page of its cases.</summary>
    public static string Unit(string unit) => $"dispatch-unit:{unit}";

    /// <summary>One-way (returns at once): a page that is slow or gone never holds the case up.</summary>
    public static Task PublishAsync(IGrainFactory grains, string caseId, IEnumerable<string> units) =>
        Task.WhenAll(units.Distinct().Select(Unit).Prepend(LiveTopics.District).Prepend(LiveTopics.Case(caseId))
            .Select(topic => grains.PublishLiveAsync(topic, Kind, caseId)));
}
