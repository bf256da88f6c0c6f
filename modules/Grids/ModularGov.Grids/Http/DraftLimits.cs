using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.Grids.Http;

/// <summary>How big a draft merge or grid plan sent for checking may be: a street's plans, with room to spare.</summary>
internal static class DraftLimits
{
    /// <summary>Merged compounds in a draft merge plan, or grids in a draft grid plan.</summary>
    public const int MaxEntries = 2000;
    /// <summary>Original compounds in one merged compound, parts of one grid, or micro-grid leads of one grid.</summary>
    public const int MaxMembers = 200;
    public const int MaxName = 100;

    public static ProblemHttpResult? MergePlan(IReadOnlyList<MergedCompound?>? compounds) =>
        FieldLimits.Each("compounds", compounds, MaxEntries, (compound, at) =>
            FieldLimits.Refusal(($"{at}.code", compound.Code, TextRules.MaxId), ($"{at}.name", compound.Name, MaxName), ($"{at}.community", compound.Community, TextRules.MaxId))
            ?? FieldLimits.Each($"{at}.members", compound.Members, MaxMembers, (member, path) => FieldLimits.Refusal((path, member, TextRules.MaxId))));

    public static ProblemHttpResult? GridPlan(IReadOnlyList<GridRecord?>? grids) =>
        FieldLimits.Each("grids", grids, MaxEntries, (grid, at) =>
            FieldLimits.Refusal(($"{at}.code", grid.Code, TextRules.MaxId), ($"{at}.name", grid.Name, MaxName), ($"{at}.community", grid.Community, TextRules.MaxId),
                ($"{at}.worker.name", grid.Worker?.Name, StreetGridEndpoints.MaxPerson))
            ?? FieldLimits.Each($"{at}.parts", grid.Parts, MaxMembers, (part, path) => FieldLimits.Refusal(($"{path}.compound", part.Compound, TextRules.MaxId)))
            ?? FieldLimits.Each($"{at}.microGridLeads", grid.MicroGridLeads, MaxMembers, (lead, path) => FieldLimits.Refusal(($"{path}.name", lead.Name, StreetGridEndpoints.MaxPerson))));
}
