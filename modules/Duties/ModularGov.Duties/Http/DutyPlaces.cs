using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
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
        var street = StreetPlace.OfNumberedRecord(http, caller, id, "dc", "职责清单变更 (duty list change)");
        return ValueTask.FromResult<PlaceLookup<DutyChangePlace>>(street.Place is { } found ? new DutyChangePlace(found.Street, id) : street.Refusal!);
    }
}
