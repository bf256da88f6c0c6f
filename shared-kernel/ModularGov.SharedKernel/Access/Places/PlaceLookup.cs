using Microsoft.AspNetCore.Http.HttpResults;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>Either the place a route names, or why the caller gets nothing (403 or 404).</summary>
public readonly record struct PlaceLookup<TPlace>(TPlace? Place, ProblemHttpResult? Refusal) where TPlace : class
{
    public static implicit operator PlaceLookup<TPlace>(TPlace place) => new(place, null);

    public static implicit operator PlaceLookup<TPlace>(ProblemHttpResult refusal) => new(null, refusal);
}
