using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Access;
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
        var group = api.MapGroup("").WithTags("PropertyTiers");

        group.MapGet("/streets/{code}/tiers", async Task<Results<Ok<StreetTiers>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (See(http, streets, code) is { } refused)
                return refused;
            var tiers = grains.GetGrain<IPropertyTiersGrain>(code);
            return TypedResults.Ok(new StreetTiers(await tiers.GetCountsAsync(), await tiers.GetAllAsync()));
        });

        group.MapGet("/streets/{code}/tier-proposals", async Task<Results<Ok<IReadOnlyList<TierProposal>>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            See(http, streets, code) is { } refused
                ? refused
                : TypedResults.Ok(TierProposals.For(streets.Find(code)!, await grains.GetGrain<IPropertyTiersGrain>(code).GetAllAsync())));

        group.MapGet("/streets/{code}/tier-changes", async Task<Results<Ok<IReadOnlyList<TierChange>>, ProblemHttpResult>> (string code, TierChangeStatus? status, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            See(http, streets, code) is { } refused ? refused
            : await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IPropertyTiersGrain>(code).GetChangesAsync(status, page.After, page.Limit)));

        group.MapGet("/compounds/{compoundId}/tier", async Task<Results<Ok<CompoundTier>, ProblemHttpResult>> (string compoundId, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            var (street, compound) = StreetCompounds.Find(streets, compoundId);
            if (street is not null && See(http, streets, street.Code) is { } refused)
                return refused;
            if (street is null || compound is null)
                return ApiProblems.NotFound("小区", compoundId);
            return TypedResults.Ok((await grains.GetGrain<IPropertyTiersGrain>(street.Code).GetAsync(compoundId))!);
        });

        group.MapPost("/compounds/{compoundId}/tier-changes", async Task<Results<Created<TierChange>, ProblemHttpResult>> (string compoundId, ChangeRequest request, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("company", request.Company, PropertyTiersGrain.MaxCompanyLength), ("reason", request.Reason, PropertyTiersGrain.MaxReasonLength)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            var (street, compound) = StreetCompounds.Find(streets, compoundId);
            if (street is null || compound is null)
                return caller.Scope.Kind == ScopeKind.District ? ApiProblems.NotFound("小区", compoundId) : ApiProblems.Forbidden($"compound '{compoundId}' is outside your scope {caller.Scope}");
            if (!caller.ManagesStreet(street.Code) && !caller.WorksInCommunity(street.Code, compound.Community))
                return ApiProblems.Forbidden($"only the street office or the compound's community may request a tier change; your scope is {caller.Scope}");
            if (request.Tier is not { } tier)
                return ApiProblems.BadRequest("tier is required: market, fallback or selfGoverned");
            var outcome = await grains.GetGrain<IPropertyTiersGrain>(street.Code).RequestChangeAsync(compoundId, tier, request.Company, request.Reason ?? "", Actor.Of(caller));
            return outcome.IsOk
                ? TypedResults.Created($"/api/tier-changes/{outcome.Value!.Id}", outcome.Value)
                : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
        });

        group.MapPost("/tier-changes/{changeId}/approve", (string changeId, Decision? decision, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(changeId, decision, http, streets, grains, (tiers, actor) => tiers.ApproveAsync(changeId, decision?.Note, actor)));

        group.MapPost("/tier-changes/{changeId}/reject", (string changeId, Decision? decision, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(changeId, decision, http, streets, grains, (tiers, actor) => tiers.RejectAsync(changeId, decision?.Note ?? "", actor)));
    }

    private static async Task<Results<Ok<TierChange>, ProblemHttpResult>> DecideAsync(
        string changeId, Decision? decision, HttpContext http, IStreetDirectory streets, IGrainFactory grains, Func<IPropertyTiersGrain, Actor, Task<SharedKernel.Results.Outcome<TierChange>>> decide)
    {
        if (FieldLimits.Refusal(("note", decision?.Note, PropertyTiersGrain.MaxNoteLength)) is { } tooLong)
            return tooLong;
        var caller = http.Caller();
        if (StreetAccess.ServedStreetOf(streets, changeId) is not { } street)
            return ApiProblems.NotFound("物业分级变更 (tier change)", changeId);
        if (!caller.ManagesStreet(street))
            return ApiProblems.Forbidden($"only street '{street}''s office or the district approves its tier changes; your scope is {caller.Scope}");
        return (await decide(grains.GetGrain<IPropertyTiersGrain>(street), Actor.Of(caller))).ToHttp();
    }

    private static ProblemHttpResult? See(HttpContext http, IStreetDirectory streets, string code) => StreetAccess.Refusal(http.Caller(), streets, code);
}
