using Microsoft.AspNetCore.Http;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>Finds a request's place at most once, however many parameters and filters ask for it.</summary>
public static class PlaceLookups
{
    public static async ValueTask<PlaceLookup<TPlace>> FindOnceAsync<TPlace>(HttpContext http) where TPlace : class, IPlace<TPlace>
    {
        if (http.Items.TryGetValue(typeof(TPlace), out var found) && found is PlaceLookup<TPlace> lookup)
            return lookup;
        lookup = await TPlace.FindAsync(http, http.Caller());
        http.Items[typeof(TPlace)] = lookup;
        return lookup;
    }

    /// <summary>The route value <paramref name="name"/>, or "" (a route without it cannot name a place).</summary>
    public static string RouteValue(this HttpContext http, string name) => http.Request.RouteValues[name] as string ?? "";
}
