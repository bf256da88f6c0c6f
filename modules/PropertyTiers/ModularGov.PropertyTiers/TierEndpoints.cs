using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.PropertyTiers;

/// <summary>Tiers, tier change requests and their approval, and the street rule's proposals.</summary>
internal static class TierEndpoints
{
    public sealed record StreetTiers(TierCounts Counts, IReadOnlyList<CompoundTier> Compounds);

    public sealed record ChangeRequest(PropertyTier? Tier, string? Company, string? Reason);

    public sealed record Decision(string? Note);

    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("PropertyTiers");
        street.MapGet("/tiers", GetStreetTiersAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/tier-proposals", GetProposalsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/tier-changes", ListChangesAsync).Allow(StreetAccessRules.InStreet);

        var compound = api.MapPlaceGroup<CompoundPlace>("/compounds/{compoundId}").WithTags("PropertyTiers");
        compound.MapGet("/tier", GetCompoundTierAsync).Allow(TierAccess.SeeCompound);
        compound.MapPost("/tier-changes", RequestChangeAsync).Allow(TierAccess.RequestChange);

        var change = api.MapPlaceGroup<TierChangePlace>("/tier-changes/{changeId}").WithTags("PropertyTiers");
        change.MapPost("/approve", ApproveAsync).Allow(TierAccess.DecideChange);
        change.MapPost("/reject", RejectAsync).Allow(TierAccess.DecideChange);
    }

    internal static async Task<Ok<StreetTiers>> GetStreetTiersAsync(StreetPlace street, IGrainFactory grains)
    {
        var tiers = grains.GetGrain<IPropertyTiersGrain>(street.Code);
        return TypedResults.Ok(new StreetTiers(await tiers.GetCountsAsync(), await tiers.GetAllAsync()));
    }

    private static async Task<Ok<IReadOnlyList<TierProposal>>> GetProposalsAsync(StreetPlace street, IGrainFactory grains) =>
        TypedResults.Ok(TierProposals.For(street.Street, await grains.GetGrain<IPropertyTiersGrain>(street.Code).GetAllAsync()));

    private static async Task<Results<Ok<IReadOnlyList<TierChange>>, ProblemHttpResult>> ListChangesAsync(
        StreetPlace street, TierChangeStatus? status, string? after, string? limit, HttpContext http, IGrainFactory grains) =>
        await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IPropertyTiersGrain>(street.Code).GetChangesAsync(status, page.After, page.Limit));

    private static async Task<Ok<CompoundTier>> GetCompoundTierAsync(CompoundPlace compound, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IPropertyTiersGrain>(compound.Street.Code).GetAsync(compound.Id))!);

    private static async Task<Results<Created<TierChange>, ProblemHttpResult>> RequestChangeAsync(
        CompoundPlace compound, ChangeRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("company", request.Company, PropertyTiersGrain.MaxCompanyLength), ("reason", request.Reason, PropertyTiersGrain.MaxReasonLength)) is { } tooLong)
            return tooLong;
        if (request.Tier is not { } tier)
            return ApiProblems.BadRequest("tier is required: market, fallback or selfGoverned");
        var outcome = await grains.GetGrain<IPropertyTiersGrain>(compound.Street.Code)
            .RequestChangeAsync(compound.Id, tier, request.Company, request.Reason ?? "", Actor.Of(http.Caller()));
        return outcome.IsOk
            ? TypedResults.Created($"/api/tier-changes/{outcome.Value!.Id}", outcome.Value)
            : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }

    internal static Task<Results<Ok<TierChange>, ProblemHttpResult>> ApproveAsync(TierChangePlace change, Decision? decision, HttpContext http, IGrainFactory grains) =>
        DecideAsync(change, decision, http, grains, (tiers, actor) => tiers.ApproveAsync(change.ChangeId, decision?.Note, actor));

    internal static Task<Results<Ok<TierChange>, ProblemHttpResult>> RejectAsync(TierChangePlace change, Decision? decision, HttpContext http, IGrainFactory grains) =>
        DecideAsync(change, decision, http, grains, (tiers, actor) => tiers.RejectAsync(change.ChangeId, decision?.Note ?? "", actor));

    private static async Task<Results<Ok<TierChange>, ProblemHttpResult>> DecideAsync(TierChangePlace change, Decision? decision, HttpContext http,
        IGrainFactory grains, Func<IPropertyTiersGrain, Actor, Task<SharedKernel.Results.Outcome<TierChange>>> decide)
    {
        if (FieldLimits.Refusal(("note", decision?.Note, PropertyTiersGrain.MaxNoteLength)) is { } tooLong)
            return tooLong;
        return (await decide(grains.GetGrain<IPropertyTiersGrain>(change.Street.Code), Actor.Of(http.Caller()))).ToHttp();
    }
}
