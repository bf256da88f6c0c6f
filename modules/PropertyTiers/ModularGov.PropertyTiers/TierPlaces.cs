using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.PropertyTiers;

/// <summary>A compound (after merging) the route names with <c>{compoundId}</c>, <c>&lt;street&gt;.&lt;compound&gt;</c>.</summary>
internal sealed record CompoundPlace(IStreet Street, MergedCompound Compound) : IPlace<CompoundPlace>
{
    public string Id => $"{Street.Code}.{Compound.Code}";

    public static ValueTask<PlaceLookup<CompoundPlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue("compoundId");
        var street = StreetPlace.OfRecord(http, caller, id, "小区");
        if (street.Place is not { } found)
            return ValueTask.FromResult<PlaceLookup<CompoundPlace>>(street.Refusal!);
        var compound = found.Street.Layout.MergePlan.Compounds.FirstOrDefault(c => $"{found.Code}.{c.Code}" == id);
        return ValueTask.FromResult<PlaceLookup<CompoundPlace>>(compound is null ? ApiProblems.NotFound("小区", id) : new CompoundPlace(found.Street, compound));
    }
}

/// <summary>
/// The street of a tier change the route names with <c>{changeId}</c> (<c>&lt;street&gt;.tc&lt;n&gt;</c>); whether the
/// change exists is the street's tiers grain's to say.
/// </summary>
internal sealed record TierChangePlace(IStreet Street, string ChangeId) : IPlace<TierChangePlace>
{
    public static ValueTask<PlaceLookup<TierChangePlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue("changeId");
        var street = StreetPlace.OfNumberedRecord(http, caller, id, "tc", "物业分级变更 (tier change)");
        return ValueTask.FromResult<PlaceLookup<TierChangePlace>>(street.Place is { } found ? new TierChangePlace(found.Street, id) : street.Refusal!);
    }
}
