namespace ModularGov.Grids.Contracts;

/// <summary>Where a WGS-84 point is in the district: for other modules (Open311) that place reports by coordinates.</summary>
public interface IGridLocator
{
    /// <summary>The point's grid and nearest compound, or the nearest grid and how far it is; null when no street ships grid shapes.</summary>
    GridPlacement? Place(double latitude, double longitude);
}

/// <summary>
/// Where a point is: <see cref="Grid"/> (<c>&lt;street&gt;.&lt;grid&gt;</c>) and the merged <see cref="Compound"/> code
/// nearest it, both null when it lies in no grid; <see cref="Nearest"/> is then the nearest grid, <see cref="NearestMetres"/> away.
/// </summary>
public sealed record GridPlacement(string? Grid, string? Compound, string Nearest, double NearestMetres);
