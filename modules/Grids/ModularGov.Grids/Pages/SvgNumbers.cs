using System.Globalization;

namespace ModularGov.Grids.Pages;

/// <summary>A number as SVG and data attributes write it: invariant, whatever the server's culture.</summary>
internal static class SvgNumbers
{
    public static string Of(double value) => value.ToString(CultureInfo.InvariantCulture);
}
