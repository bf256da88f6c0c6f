using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>
/// What a route names and access is decided on: the district, a street, a grid, a case… A route group over a place
/// (<see cref="PlaceGroups.MapPlaceGroup{TPlace}"/>) finds it once per request and hands it to any handler that takes
/// it as a parameter.
/// </summary>
public interface IPlace<TSelf> : IBindableFromHttpContext<TSelf> where TSelf : class, IPlace<TSelf>
{
    /// <summary>
    /// The place the request's route names, as the caller may see it: 403 when the caller's scope cannot reach it,
    /// whether or not it exists (nothing about another street leaks), then 404 when it does not exist.
    /// </summary>
    static abstract ValueTask<PlaceLookup<TSelf>> FindAsync(HttpContext http, AccessIdentity caller);

    /// <summary>The place the group's filter found (binding runs before the filter, so both share one lookup).</summary>
    static async ValueTask<TSelf?> IBindableFromHttpContext<TSelf>.BindAsync(HttpContext context, ParameterInfo parameter) =>
        (await PlaceLookups.FindOnceAsync<TSelf>(context)).Place;
}
