using Autofac;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Grids.Layout;

internal static class StreetRules
{
    /// <summary>The street's own grid rules, or the district's default (300–500 households a grid).</summary>
    public static GridRules GridRulesOf(IStreet street) => street.Services.ResolveOptional<GridRules>() ?? GridRules.Default;
}
