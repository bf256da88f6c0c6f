using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.PropertyTiers.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.PropertyTiers.Pages;

/// <summary>
/// A street's compounds before and after merging with their tiers, and the tier changes waiting for a decision — on the street's
/// page and, for the district admin, across every street — with approve and reject forms that call the API's own handlers under
/// the API's own rules.
/// </summary>
internal static class TierPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("街道", "小区与物业分级", caller => caller.Role is Role.StreetOperator or Role.CommunityWorker ? $"/streets/{caller.Scope.StreetCode}/tiers" : null, 43),
        new("区级", "物业分级变更审批", caller => caller.IsDistrictAdmin ? "/tier-changes" : null, 31),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        console.MapPlaceGroup<StreetPlace>("/streets/{code}").MapGet("/tiers", (StreetPlace place, HttpContext http, IGrainFactory grains) =>
            StreetAsync(place, http, grains, FormState.Blank(), null)).Allow(StreetAccessRules.InStreet);

        console.MapPlaceGroup<DistrictPlace>("/tier-changes").MapGet("", (IStreetDirectory streets, IGrainFactory grains) =>
            DistrictAsync(streets, grains, FormState.Blank(), null)).Allow(DistrictAccessRules.DistrictAdmin);

        var change = console.MapPlaceGroup<TierChangePlace>("/tier-changes/{changeId}");
        change.MapPost("/approve", (TierChangePlace place, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(place, http, streets, grains, TierChangeList.Approve, note => TierEndpoints.ApproveAsync(place, new(note), http, grains))).Allow(TierAccess.DecideChange);
        change.MapPost("/reject", (TierChangePlace place, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(place, http, streets, grains, TierChangeList.Reject, note => TierEndpoints.RejectAsync(place, new(note), http, grains))).Allow(TierAccess.DecideChange);
    }

    private static async Task<IResult> StreetAsync(StreetPlace place, HttpContext http, IGrainFactory grains, FormState form, string? sent, int status = StatusCodes.Status200OK)
    {
        var tiers = (await TierEndpoints.GetStreetTiersAsync(place, grains)).Value!;
        var table = new ConsoleTable<MergedCompoundView>("合并后小区及物业分级", $"/streets/{place.Code}/tiers", CompoundColumns.All, Merged(place.Street, tiers.Compounds),
            TableQuery.From(http.Request, defaultSize: 100));
        if (ConsoleTable<MergedCompoundView>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-compounds");
        var caller = http.Caller();
        return ConsolePages.Page<TiersPage>(new
        {
            Before = place.Street.Layout.Compounds.Count,
            After = place.Street.Layout.MergePlan.Compounds.Count,
            tiers.Counts,
            Compounds = table,
            Changes = await RequestedAsync(place.Street, grains),
            // The forms' own rule, asked of this street (the rule reads only the change's street).
            CanDecide = TierAccess.DecideChange.Allows(caller, new TierChangePlace(place.Street, "")),
            Form = form,
            Sent = sent,
        }, status);
    }

    private static async Task<IResult> DistrictAsync(IStreetDirectory streets, IGrainFactory grains, FormState form, string? sent, int status = StatusCodes.Status200OK)
    {
        var pending = new List<StreetTierChanges>();
        foreach (var street in streets.All)
            pending.Add(await RequestedAsync(street, grains));
        return ConsolePages.Page<TierChangesPage>(new { Streets = pending, Form = form, Sent = sent }, status);
    }

    /// <summary>A merged compound beside the original compounds it was merged from (the street's approved merge plan).</summary>
    private static List<MergedCompoundView> Merged(IStreet street, IReadOnlyList<CompoundTier> tiers)
    {
        var originals = street.Layout.Compounds.ToDictionary(c => c.Code);
        var plan = street.Layout.MergePlan.Compounds.ToDictionary(m => $"{street.Code}.{m.Code}");
        return tiers.Select(tier =>
        {
            var members = plan[tier.Compound].Members.Select(code => originals[code]).ToList();
            return new MergedCompoundView(tier, StreetCompounds.CommunityName(street, tier.Community), members.Select(m => m.Name).ToList(),
                members.Sum(m => m.Households), members.Min(m => m.BuildYear));
        }).ToList();
    }

    private static async Task<StreetTierChanges> RequestedAsync(IStreet street, IGrainFactory grains)
    {
        var tiers = grains.GetGrain<IPropertyTiersGrain>(street.Code);
        var requested = new List<TierChange>();
        for (int? after = 0; after is { } from;)
        {
            var page = await tiers.GetChangesAsync(TierChangeStatus.Requested, from, Paging.MaxLimit);
            requested.AddRange(page.Items);
            after = page.NextAfter;
        }
        var names = street.Layout.MergePlan.Compounds.ToDictionary(c => $"{street.Code}.{c.Code}", c => c.Name);
        return new StreetTierChanges(street.Code, street.Profile.Name, requested, names);
    }

    /// <summary>A decision's note goes to the API's handler; the page it came from (the street's or the district's) shows the outcome.</summary>
    private static async Task<IResult> DecideAsync(TierChangePlace place, HttpContext http, IStreetDirectory streets, IGrainFactory grains, string decision,
        Func<string?, Task<Results<Ok<TierChange>, ProblemHttpResult>>> decide)
    {
        var form = await FormState.ReadAsync(http.Request);
        var note = TierChangeList.Field(place.ChangeId, decision);
        if (decision == TierChangeList.Reject)
            form.Require(note, "驳回理由");
        var fromDistrict = form.Value("from") == "district";
        var sent = $"{place.ChangeId}/{decision}";
        Task<IResult> Again(int status) => fromDistrict
            ? DistrictAsync(streets, grains, form, sent, status)
            : StreetAsync(new StreetPlace(place.Street), http, grains, form, sent, status);
        if (!form.IsValid)
            return await Again(StatusCodes.Status400BadRequest);
        var answer = await decide(form.Optional(note));
        if (form.Refused(answer))
            return await Again(form.Status(answer));
        return TypedResults.Redirect(fromDistrict ? "/tier-changes" : $"/streets/{place.Street.Code}/tiers");
    }
}
