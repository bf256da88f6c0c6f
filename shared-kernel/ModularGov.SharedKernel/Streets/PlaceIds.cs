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
}
