using System.Reflection;

namespace ModularGov.Architecture.Tests;

/// <summary>
/// What crosses a grain call: the contract types Orleans serializes are immutable (Orleans then passes them without a
/// copy), a wide one names its fields instead of taking a row of positional arguments, and every grain interface and
/// method carries an alias, so renaming one in code never breaks stored data or a running cluster.
/// </summary>
public class ContractConventionTests
{
    /// <summary>Beyond this many fields a positional constructor is a row of values a reader has to count.</summary>
    private const int MaxPositional = 6;

    private static List<Type> SerializedContracts() => Loaded.Types(Loaded.Modules)
        .Where(t => t.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true && t.IsVisible)
        .Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false))
        .ToList();

    [Fact]
    public void Serialized_contract_types_are_immutable()
    {
        var contracts = SerializedContracts();
        contracts.Count.ShouldBeGreaterThan(40);
        contracts.Where(t => !t.IsDefined(typeof(ImmutableAttribute), inherit: false)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void A_contract_record_with_more_than_six_fields_has_no_positional_constructor()
    {
        var wide = SerializedContracts().Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length > MaxPositional).ToList();
        wide.Count.ShouldBeGreaterThan(15);
        wide.Where(t => t.GetConstructors().Any(c => c.GetParameters().Length > MaxPositional)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void Grain_interfaces_and_their_methods_carry_aliases()
    {
        var grains = Loaded.Types(Loaded.Modules).Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).ToList();
        grains.Count.ShouldBeGreaterThan(10);
        var methods = grains.SelectMany(g => g.GetMethods().Select(m => (Grain: g, Method: m))).ToList();
        methods.Count.ShouldBeGreaterThan(50);
        grains.Where(g => !g.IsDefined(typeof(AliasAttribute), inherit: false)).Select(g => g.FullName).ShouldBeEmpty();
        methods.Where(m => !m.Method.IsDefined(typeof(AliasAttribute), inherit: false))
            .Select(m => $"{m.Grain.FullName}.{m.Method.Name}").ShouldBeEmpty();
    }
}
