using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Personnel.Http;

/// <summary>A person on a street's roster, named in the route as <c>{personId}</c> (<c>nanshanlu.r0001</c>).</summary>
internal sealed record PersonPlace(IStreet Street, string PersonId) : IPlace<PersonPlace>
{
    public static ValueTask<PlaceLookup<PersonPlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue("personId");
        var street = StreetPlace.OfNumberedRecord(http, caller, id, "r", "人员 (person)");
        return ValueTask.FromResult<PlaceLookup<PersonPlace>>(street.Place is { } found ? new PersonPlace(found.Street, id) : street.Refusal!);
    }
}
