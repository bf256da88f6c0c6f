namespace ModularGov.SharedKernel.Streets;

/// <summary>District-wide ids of places and records inside a street: <c>&lt;street&gt;.&lt;local id&gt;</c> (e.g. <c>nanshanlu.g017</c>).</summary>
public static class PlaceIds
{
    /// <summary>The street code and the id within the street, or null when the id names no street.</summary>
    public static (string Street, string Local)? Split(string id)
    {
        var dot = id.IndexOf('.');
        return dot > 0 ? (id[..dot], id[(dot + 1)..]) : null;
    }

    /// <summary>
    /// Whether <paramref name="id"/> is <paramref name="prefix"/> followed by a record number (1–9 digits), as
    /// numbered records are written (<c>nanshanlu.tc0001</c>, <c>nanshanlu.g001.p00001</c>): an id that is not
    /// cannot name a record, and is refused without asking any grain.
    /// </summary>
    public static bool IsNumbered(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.Length - prefix.Length is >= 1 and <= 9 && id.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9') is false;
}
