using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Http;

/// <summary>
/// The street of a duty list change the route names with <c>{changeId}</c> (<c>&lt;street&gt;.dc&lt;n&gt;</c>); whether
/// the change exists, and whom it is addressed to, is the street's duty list's to say.
/// </summary>
internal sealed record DutyChangePlace(IStreet Street, string ChangeId) : IPlace<DutyChangePlace>
{
    public static ValueTask<PlaceLookup<DutyChangePlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue("changeId");
        var street = StreetPlace.OfRecord(http, caller, id, "职责清单变更 (duty list change)");
        if (street.Place is not { } found)
            return ValueTask.FromResult<PlaceLookup<DutyChangePlace>>(street.Refusal!);
        return ValueTask.FromResult<PlaceLookup<DutyChangePlace>>(PlaceIds.IsNumbered(id, $"{found.Code}.dc")
            ? new DutyChangePlace(found.Street, id)
            : ApiProblems.NotFound("职责清单变更 (duty list change)", id));
    }
}
