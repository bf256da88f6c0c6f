using System.Collections.Concurrent;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Layout;

/// <summary>A grid as its street's approved plan draws it, with the names and totals the API shows.</summary>
internal sealed record GridInfo(
    string Id,
    IStreet Street,
    GridRecord Record,
    string CommunityName,
    IReadOnlyList<(MergedCompound Compound, GridPart Part)> Compounds)
{
    public int Households => Record.Parts.Sum(p => p.Households);

    public int Residents => Record.Parts.Sum(p => p.Residents);

    /// <summary>The merged compound a reporter names, by its merged code or by one of its original compounds' codes.</summary>
    public MergedCompound? FindCompound(string code) =>
        Compounds.Select(c => c.Compound).FirstOrDefault(m => m.Code == code || m.Members.Contains(code));
}

/// <summary>Every grid of every street this host serves, by id (<c>&lt;street&gt;.&lt;grid&gt;</c>); built once per street.</summary>
internal sealed class GridDirectory(IStreetDirectory streets)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, GridInfo>> _byStreet = new();

    public GridInfo? Find(string gridId)
    {
        return PlaceIds.Split(gridId) is { } parts && Grids(parts.Street) is { } grids ? grids.GetValueOrDefault(gridId) : null;
    }

    /// <summary>The street's grids in plan order, or null for a street this host does not serve.</summary>
    public IReadOnlyDictionary<string, GridInfo>? Grids(string streetCode) =>
        streets.Find(streetCode) is { } street ? _byStreet.GetOrAdd(streetCode, _ => Build(street)) : null;

    private static IReadOnlyDictionary<string, GridInfo> Build(IStreet street)
    {
        var merged = street.Layout.MergePlan.Compounds.ToDictionary(m => m.Code);
        var grids = new Dictionary<string, GridInfo>();
        foreach (var grid in street.Layout.GridPlan.Grids)
        {
            var id = $"{street.Code}.{grid.Code}";
            var community = street.Profile.Community(grid.Community)!.Name;
            grids[id] = new GridInfo(id, street, grid, community, grid.Parts.Select(p => (merged[p.Compound], p)).ToList());
        }
        return grids;
    }
}
