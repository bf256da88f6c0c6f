using System.Text.RegularExpressions;

namespace ModularGov.SharedKernel.Access;

/// <summary>The kinds of place or body an identity is bound to.</summary>
public enum ScopeKind
{
    District,
    Street,
    Community,
    Grid,
    Department,
    Station,
    ResidentUnit,
}

/// <summary>
/// Where an identity acts. Written <c>district</c>, <c>street:nanshanlu</c>, <c>community:nanshanlu.xinhuaxijie</c>,
/// <c>grid:nanshanlu.g017</c>, <c>department:water</c>, <c>station:nanshanlu.weifeng01</c>,
/// <c>resident-unit:nanshanlu.u001</c>. Ids of places inside a street start with the street code and a dot.
/// </summary>
[GenerateSerializer, Immutable]
public sealed partial record Scope([property: Id(0)] ScopeKind Kind, [property: Id(1)] string Id)
{
    public static readonly Scope District = new(ScopeKind.District, "");

    private static readonly Dictionary<string, ScopeKind> Prefixes = new()
    {
        ["street"] = ScopeKind.Street,
        ["community"] = ScopeKind.Community,
        ["grid"] = ScopeKind.Grid,
        ["department"] = ScopeKind.Department,
        ["station"] = ScopeKind.Station,
        ["resident-unit"] = ScopeKind.ResidentUnit,
    };

    [GeneratedRegex("^[a-z][a-z0-9]{1,31}(\\.[a-z0-9][a-z0-9-]{0,63})?$")]
    private static partial Regex IdPattern();

    /// <summary>The street this scope lies in, or null for the district and for departments.</summary>
    public string? StreetCode => Kind switch
    {
        ScopeKind.District or ScopeKind.Department => null,
        _ => Id.Split('.')[0],
    };

    public bool Covers(Scope other) => Kind switch
    {
        ScopeKind.District => true,
        ScopeKind.Street => other.StreetCode == Id,
        _ => other == this,
    };

    public override string ToString() => Kind == ScopeKind.District
        ? "district"
        : $"{Prefixes.First(p => p.Value == Kind).Key}:{Id}";

    public static bool TryParse(string text, out Scope scope, out string error)
    {
        scope = District;
        error = "";
        if (text == "district")
            return true;
        var colon = text.IndexOf(':');
        if (colon < 0 || !Prefixes.TryGetValue(text[..colon], out var kind))
        {
            error = $"scope '{text}' must be 'district' or one of {string.Join(", ", Prefixes.Keys.Select(k => k + ":<id>"))}";
            return false;
        }
        var id = text[(colon + 1)..];
        var needsDot = kind is ScopeKind.Community or ScopeKind.Grid or ScopeKind.Station or ScopeKind.ResidentUnit;
        if (!IdPattern().IsMatch(id) || needsDot != id.Contains('.'))
        {
            error = needsDot
                ? $"scope id '{id}' must be '<street>.<id>' in lower-case ASCII"
                : $"scope id '{id}' must be lower-case ASCII letters and digits";
            return false;
        }
        scope = new Scope(kind, id);
        return true;
    }
}
