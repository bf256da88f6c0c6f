namespace ModularGov.Architecture.Tests;

/// <summary>
/// Grains belong to core modules; a street that ships one must prefix its grain type with its code, because
/// Orleans silently picks one implementation of an interface and crashes on duplicate grain type names.
/// </summary>
public class StreetGrainTests
{
    private static bool IsGrain(TypeFact type) => type.BaseType is "Grain" or "Grain`1";

    /// <summary>The street code from the folder the plugin was built into (plugins/streets/&lt;code&gt;/).</summary>
    private static string StreetCode(AssemblyFacts street) => Path.GetFileName(Path.GetDirectoryName(street.Path))!;

    [Fact]
    public void Module_grains_are_recognised_so_the_street_rule_can_see_grains()
    {
        Assemblies.Modules.SelectMany(m => m.Types).Count(IsGrain).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_street_grain_carries_a_street_prefixed_grain_type()
    {
        var streets = Assemblies.Streets;
        streets.ShouldNotBeEmpty();
        foreach (var street in streets)
        {
            street.Types.ShouldNotBeEmpty(street.Name);
            var code = StreetCode(street);
            street.Types.Where(IsGrain)
                .Where(t => !t.Attributes.Any(a => a.Name == "GrainTypeAttribute" && a.FirstString?.StartsWith(code + ".", StringComparison.Ordinal) == true))
                .Select(t => t.Name).ShouldBeEmpty(street.Name);
        }
    }
}
