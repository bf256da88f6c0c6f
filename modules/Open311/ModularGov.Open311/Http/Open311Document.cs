namespace ModularGov.Open311.Http;

/// <summary>
/// An answer as GeoReport v2 shapes it, written once and rendered as JSON or XML (<see cref="Open311Writer"/>): an object
/// is a JSON object and an XML element of its <see cref="Element"/> name; a list is a JSON array and an XML element holding
/// one element per item. Field order is the spec's.
/// </summary>
internal abstract record Open311Node;

/// <summary>One object: its fields' values are a string, a number, a bool, a moment, null, or a nested node.</summary>
internal sealed record Open311Object(string Element, IReadOnlyList<(string Name, object? Value)> Fields) : Open311Node;

/// <summary>A list of objects (<c>&lt;services&gt;&lt;service&gt;…</c>) or of plain values (<c>&lt;formats&gt;&lt;format&gt;…</c>).</summary>
internal sealed record Open311List(string Element, string ItemElement, IReadOnlyList<object> Items) : Open311Node;
