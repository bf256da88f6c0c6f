using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>A street the route names with <c>{code}</c>.</summary>
public sealed record StreetPlace(IStreet Street) : IPlace<StreetPlace>
{
    public const string RouteValue = "code";

    public string Code => Street.Code;

    public static ValueTask<PlaceLookup<StreetPlace>> FindAsync(HttpContext http, AccessIdentity caller) =>
        ValueTask.FromResult(Find(http, caller, http.RouteValue(RouteValue)));

    /// <summary>The served street <paramref name="code"/>, for a caller who may reach it (see <see cref="Reaches"/>).</summary>
    public static PlaceLookup<StreetPlace> Find(HttpContext http, AccessIdentity caller, string code)
    {
        if (!Reaches(caller, code))
            return ApiProblems.Forbidden($"your scope {caller.Scope} does not include street '{code}'");
        var street = http.RequestServices.GetRequiredService<IStreetDirectory>().Find(code);
        return street is null ? ApiProblems.NotFound("街道", code) : new StreetPlace(street);
    }

    /// <summary>
    /// The street a record id (<c>&lt;street&gt;.&lt;local id&gt;</c>) lies in: 403 for a caller whose scope cannot reach
    /// that street, then 404 when the id cannot name a record of a served street.
    /// </summary>
    public static PlaceLookup<StreetPlace> OfRecord(HttpContext http, AccessIdentity caller, string recordId, string what)
    {
        if (PlaceIds.Split(recordId) is not var (code, _))
            return ApiProblems.NotFound(what, recordId);
        var found = Find(http, caller, code);
        return found.Refusal is { StatusCode: StatusCodes.Status404NotFound } ? ApiProblems.NotFound(what, recordId) : found;
    }

    /// <summary>
    /// As <see cref="OfRecord"/>, for a numbered record of the street (<c>&lt;street&gt;.&lt;kind&gt;&lt;n&gt;</c>, e.g.
    /// <c>nanshanlu.tc0001</c>): an id not shaped so is a 404 without asking any grain.
    /// </summary>
    public static PlaceLookup<StreetPlace> OfNumberedRecord(HttpContext http, AccessIdentity caller, string recordId, string kind, string what)
    {
        var street = OfRecord(http, caller, recordId, what);
        return street.Place is { } found && !PlaceIds.IsNumbered(recordId, $"{found.Code}.{kind}") ? ApiProblems.NotFound(what, recordId) : street;
    }

    /// <summary>
    /// Whether a caller could have anything to do in the street: the district's and departments' tokens reach every
    /// street; a token scoped inside a street (its office, a community, a grid, a station, a resident unit) only its own.
    /// </summary>
    public static bool Reaches(AccessIdentity caller, string code) => caller.Scope.StreetCode is not { } own || own == code;
}
