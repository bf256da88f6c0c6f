using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ModularGov.Architecture.Tests;

/// <summary>
/// Grain state properties say what they hold (docs/decisions.md, "Grain state names"): a counter is <c>&lt;Item&gt;Count</c>,
/// never a bare <c>Count</c> nor a plural that reads as a list, and a collection is named by a plural noun (or is
/// <c>By&lt;Key&gt;</c>, or <c>History</c>). A plural is taken to be a word ending in s, which holds for our nouns.
/// </summary>
public class StateNamingTests
{
    /// <summary>The stored properties of the classes Orleans serializes outside the contracts: grain states and their records.</summary>
    private static List<PropertyInfo> StateProperties() => Loaded.Types([.. Loaded.Modules, Loaded.Kernel])
        .Where(t => t.IsClass && t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false))
        .Where(t => t.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
        .Where(t => t.GetMethod("<Clone>$") is null) // records are values passed around, not state kept
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(p => p.IsDefined(typeof(IdAttribute), inherit: false))
        .ToList();

    private static bool IsInteger(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long));

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool HasPluralWord(string name) => Regex.Matches(name, "[A-Z][a-z]*").Any(w => w.Value.EndsWith('s'));

    private static string Name(PropertyInfo property) => $"{property.DeclaringType!.Name}.{property.Name}";

    [Fact]
    public void A_state_counter_is_named_for_what_it_counts()
    {
        var integers = StateProperties().Where(p => IsInteger(p.PropertyType)).ToList();
        integers.Count.ShouldBeGreaterThan(10);
        integers.Where(p => p.Name == "Count" || p.Name.EndsWith('s')).Select(Name).ShouldBeEmpty();
    }

    [Fact]
    public void A_state_collection_is_named_by_a_plural_noun()
    {
        var collections = StateProperties().Where(p => IsCollection(p.PropertyType)).ToList();
        collections.Count.ShouldBeGreaterThan(20);
        collections.Where(p => !(Regex.IsMatch(p.Name, "^By[A-Z]") || p.Name == "History" || HasPluralWord(p.Name)))
            .Select(Name).ShouldBeEmpty();
    }
}
