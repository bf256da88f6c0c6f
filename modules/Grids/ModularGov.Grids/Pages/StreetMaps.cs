using ModularGov.Grids.Contracts;
using ModularGov.Grids.Geography;
using ModularGov.Grids.Views;
using ModularGov.SharedKernel.Access.Places;

namespace ModularGov.Grids.Pages;

/// <summary>A street's map from its grid shapes and each grid's live snapshot (open problems, and those with coordinates).</summary>
internal static class StreetMaps
{
    /// <summary>The map, or null when the street ships no shapes.</summary>
    public static async Task<MapView?> DrawAsync(StreetPlace place, GridMap map, IGrainFactory grains)
    {
        var outlines = map.Outlines(place.Code);
        if (outlines.Count == 0)
            return null;
        var snapshots = await Task.WhenAll(outlines.Select(o => grains.GetGrain<IGridGrain>(o.Id).GetSnapshotAsync()));
        var grids = outlines.Zip(snapshots, (o, s) => (o.Id, s.Name, o.Shape, Open: s.Problems.Open)).ToList();
        return MapDrawing.Draw(grids, snapshots.SelectMany(s => s.MappedProblems.Select(m => (s.Id, m))));
    }
}
