using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>A community (or village) the route names with <c>{communityId}</c>, written <c>&lt;street&gt;.&lt;community&gt;</c>.</summary>
public sealed record CommunityPlace(IStreet Street, CommunityProfile Community) : IPlace<CommunityPlace>
{
    public const string RouteValue = "communityId";

    public string Id => $"{Street.Code}.{Community.Code}";

    public static ValueTask<PlaceLookup<CommunityPlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue(RouteValue);
        var street = StreetPlace.OfRecord(http, caller, id, "社区");
        if (street.Place is not { } found)
            return ValueTask.FromResult<PlaceLookup<CommunityPlace>>(street.Refusal!);
        var community = found.Street.Profile.Communities.FirstOrDefault(c => $"{found.Code}.{c.Code}" == id);
        return ValueTask.FromResult<PlaceLookup<CommunityPlace>>(community is null ? ApiProblems.NotFound("社区", id) : new CommunityPlace(found.Street, community));
    }
}
