using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Http;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>Finds a request's place at most once, however many parameters and filters ask for it.</summary>
public static class PlaceLookups
{
    public static async ValueTask<PlaceLookup<TPlace>> FindOnceAsync<TPlace>(HttpContext http) where TPlace : class, IPlace<TPlace>
    {
        if (http.Items.TryGetValue(typeof(TPlace), out var found) && found is PlaceLookup<TPlace> lookup)
            return lookup;
        // A console page binds its place before its filters run, so a browser without a session reaches here; the console's
        // gate then sends it to the sign-in page (an /api endpoint never runs unauthenticated).
        if (http.Features.Get<AccessIdentity>() is not { } caller)
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "未登录", "Unauthorized: sign in first");
        lookup = await TPlace.FindAsync(http, caller);
        http.Items[typeof(TPlace)] = lookup;
        return lookup;
    }

    /// <summary>The route value <paramref name="name"/>, or "" (a route without it cannot name a place).</summary>
    public static string RouteValue(this HttpContext http, string name) => http.Request.RouteValues[name] as string ?? "";
}
