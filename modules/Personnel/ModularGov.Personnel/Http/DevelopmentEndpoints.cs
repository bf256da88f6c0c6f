using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Contracts;
using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Personnel.Http;

/// <summary>The post catalogue with its holders and gaps, star ratings of party secretaries, and training.</summary>
internal static class DevelopmentEndpoints
{
    public sealed record PostRequest(string? Post);

    public sealed record RatingRequest(string? Period, Dictionary<string, int>? Scores);

    public sealed record EnrolRequest(TrainingTier? Tier, string? Course, string? Mentor);

    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Personnel");
        street.MapGet("/posts", GetPostsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/posts/gaps", GetGapsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/ratings", ListRatingsAsync).Allow(StreetAccessRules.Handlers);
        street.MapGet("/training", ListTrainingAsync).Allow(StreetAccessRules.Handlers);
        street.MapGet("/training/missing", GetUntrainedAsync).Allow(StreetAccessRules.Handlers);
        street.MapPost("/training/{trainingId}/complete", CompleteAsync).Allow(StreetAccessRules.Office);

        var person = api.MapPlaceGroup<PersonPlace>("/people/{personId}").WithTags("Personnel");
        person.MapPut("/post", AssignPostAsync).Allow(PersonnelAccess.ManagePerson);
        person.MapPost("/ratings", RateAsync).Allow(PersonnelAccess.ManagePerson);
        person.MapPost("/training", EnrolAsync).Allow(PersonnelAccess.ManagePerson);
    }

    private static IPersonnelGrain Grain(IGrainFactory grains, string street) => grains.GetGrain<IPersonnelGrain>(street);

    internal static async Task<Ok<IReadOnlyList<PostView>>> GetPostsAsync(StreetPlace street, IGrainFactory grains)
    {
        var list = await grains.GetGrain<IDutyListGrain>(street.Code).GetCurrentAsync();
        var holders = await Grain(grains, street.Code).GetPostHoldersAsync();
        return TypedResults.Ok<IReadOnlyList<PostView>>(list.Posts.Select(post => new PostView(post.Code, post.Name,
            holders.GetValueOrDefault(post.Code) is { } holder ? new PostHolder(holder.Id, holder.Name) : null,
            list.Items.Where(i => i.Post == post.Code).Select(i => new PostDuty(i.Code, i.Title)).ToList())).ToList());
    }

    internal static async Task<Ok<PostGaps>> GetGapsAsync(StreetPlace street, IGrainFactory grains)
    {
        var list = await grains.GetGrain<IDutyListGrain>(street.Code).GetCurrentAsync();
        var holders = await Grain(grains, street.Code).GetPostHoldersAsync();
        var posts = list.Posts.Select(p => p.Code).ToHashSet();
        return TypedResults.Ok(new PostGaps(
            list.Items.Where(i => !posts.Contains(i.Post)).Select(i => new PostDuty(i.Code, i.Title)).ToList(),
            list.Posts.Where(p => !holders.ContainsKey(p.Code)).Select(p => new PostView(p.Code, p.Name, null,
                list.Items.Where(i => i.Post == p.Code).Select(i => new PostDuty(i.Code, i.Title)).ToList())).ToList()));
    }

    private static async Task<Results<Ok<PersonSummary>, ProblemHttpResult>> AssignPostAsync(PersonPlace place, PostRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("post", request.Post, PersonnelLimits.Code)) is { } tooLong)
            return tooLong;
        var outcome = await Grain(grains, place.Street.Code).AssignPostAsync(place.PersonId, request.Post is { Length: > 0 } post ? post : null, Actor.Of(http.Caller()));
        return outcome.IsOk ? TypedResults.Ok(PersonSummary.Of(outcome.Value!)) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }

    private static async Task<Results<Ok<StarRating>, ProblemHttpResult>> RateAsync(PersonPlace place, RatingRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("period", request.Period, PersonnelLimits.Code)) is { } tooLong)
            return tooLong;
        if (request.Scores is not { Count: > 0 and <= 20 } scores || scores.Keys.Any(k => k.Length > PersonnelLimits.Code))
            return ApiProblems.BadRequest("scores is required: {\"<criterion>\": points, …} for each of the district's criteria (at most 20, codes up to 32 characters)");
        return (await Grain(grains, place.Street.Code).RateAsync(place.PersonId, request.Period ?? "", scores, Actor.Of(http.Caller()))).ToHttp();
    }

    private static Task<Results<Ok<IReadOnlyList<StarRating>>, ProblemHttpResult>> ListRatingsAsync(StreetPlace street, string? after, string? limit, HttpContext http,
        IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => Grain(grains, street.Code).ListRatingsAsync(page.After, page.Limit));

    private static async Task<Results<Ok<TrainingRecord>, ProblemHttpResult>> EnrolAsync(PersonPlace place, EnrolRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("course", request.Course, PersonnelLimits.Unit), ("mentor", request.Mentor, PersonnelLimits.Approval)) is { } tooLong)
            return tooLong;
        if (request.Tier is not { } tier)
            return ApiProblems.BadRequest("tier is required: leaders (头雁提升), teams (雁阵提效) or newcomers (雏雁帮带)");
        return (await Grain(grains, place.Street.Code).EnrolAsync(place.PersonId, tier, request.Course ?? "", request.Mentor, Actor.Of(http.Caller()))).ToHttp();
    }

    private static async Task<Results<Ok<TrainingRecord>, ProblemHttpResult>> CompleteAsync(StreetPlace street, string trainingId, HttpContext http, IGrainFactory grains) =>
        (await Grain(grains, street.Code).CompleteTrainingAsync(trainingId, Actor.Of(http.Caller()))).ToHttp();

    private static Task<Results<Ok<IReadOnlyList<TrainingRecord>>, ProblemHttpResult>> ListTrainingAsync(StreetPlace street, string? after, string? limit, HttpContext http,
        IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => Grain(grains, street.Code).ListTrainingAsync(page.After, page.Limit));

    internal static async Task<Ok<IReadOnlyList<PersonSummary>>> GetUntrainedAsync(StreetPlace street, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<PersonSummary>>((await Grain(grains, street.Code).GetUntrainedAsync()).Select(PersonSummary.Of).ToList());
}
