namespace ModularGov.SharedKernel.Layout;

/// <summary>合并小区 — the street's approved plan for merging original compounds into larger ones.</summary>
public sealed record MergePlan(string ApprovedBy, DateOnly ApprovedOn, IReadOnlyList<MergedCompound> Compounds, bool Sample)
{
    /// <summary>
    /// The merged compound of each original compound, by code. A compound the plan puts in two merged compounds keeps the
    /// first (the layout check names the fault), so reading a broken plan never throws.
    /// </summary>
    public IReadOnlyDictionary<string, string> MergedOf()
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var compound in Compounds)
            foreach (var member in compound.Members)
                merged.TryAdd(member, compound.Code);
        return merged;
    }
}

/// <summary>A merged compound: the unit grids are drawn over and property tiers are given to.</summary>
public sealed record MergedCompound(string Code, string Name, string Community, IReadOnlyList<string> Members);
