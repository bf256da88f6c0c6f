namespace ModularGov.SharedKernel.Rules;

/// <summary>
/// A street's rules for merging compounds and drawing grids. A street registers its own instance in its
/// container to change them; otherwise <see cref="Default"/> applies (the common 300–500 households a grid).
/// </summary>
/// <param name="MinHouseholdsPerGrid">Fewest households a grid may cover.</param>
/// <param name="MaxHouseholdsPerGrid">Most households a grid may cover.</param>
/// <param name="MergeBelowHouseholds">A compound smaller than this is merged with a neighbour when a plan is proposed.</param>
/// <param name="MaxMergedHouseholds">No merged compound may be larger than this.</param>
/// <param name="MaxMergeDistanceMetres">Compounds that share a facility but no boundary may be merged only this close.</param>
public sealed record GridRules(
    int MinHouseholdsPerGrid,
    int MaxHouseholdsPerGrid,
    int MergeBelowHouseholds,
    int MaxMergedHouseholds,
    double MaxMergeDistanceMetres)
{
    public static readonly GridRules Default = new(300, 500, 250, 1000, 400);
}
