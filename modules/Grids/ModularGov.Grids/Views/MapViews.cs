namespace ModularGov.Grids.Views;

/// <summary>
/// A street's map as the console draws it in SVG: each grid's outline as a path in a <see cref="Width"/> ×
/// <see cref="Height"/> box (north up, east right, metres to scale), and the open problems that came with coordinates.
/// <see cref="Projection"/> turns a click back into degrees.
/// </summary>
public sealed record MapView(double Width, double Height, MapProjection Projection, IReadOnlyList<MapGrid> Grids, IReadOnlyList<MapPoint> Points);

/// <summary>A grid on the map: its outline, its open problems and the colour band they put it in (0 none, 1 one or two, 2 three to five, 3 six or more).</summary>
public sealed record MapGrid(string Id, string Name, string Path, int Open, int Band);

/// <summary>An open problem on the map, where it was reported.</summary>
public sealed record MapPoint(string ProblemId, string Grid, double X, double Y, string Category);

/// <summary>x = (longitude − West) × Scale × cos(latitude of the middle), y = (North − latitude) × Scale.</summary>
public sealed record MapProjection(double West, double North, double Scale, double LongitudeFactor);
