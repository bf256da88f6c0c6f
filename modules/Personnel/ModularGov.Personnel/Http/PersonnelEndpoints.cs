using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Personnel.Http;

/// <summary>Staffing, the roster, careers, secondments and graduate coverage.</summary>
internal static class PersonnelEndpoints
{
    public sealed record StaffingChangeRequest(int? StaffBefore, int? BasicPosts, int? QuantifiedPosts, int? TurnoverPosts, int? CommunityWorkers, int? AddedPosts,
        string? Reason, string? Approval);

    public sealed record LoanRequest(string? To, int? Posts, DateOnly? ReturnBy, string? Reason);

    public sealed record MoveRequest(CareerRung? To, CareerChannel? Channel, string? ApprovedBy);

    public sealed record SecondmentRequest(string? Person, string? To, string? Reason, string? Approver, string? Approval, DateOnly? ReturnBy);

    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Personnel");
        street.MapGet("/staffing", GetStaffingAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/staffing/changes", ListStaffingChangesAsync).Allow(StreetAccessRules.InStreet);
        street.MapPost("/staffing/changes", ChangeStaffingAsync).Allow(PersonnelAccess.DecideStaffing);
        street.MapGet("/staffing/loans", ListLoansAsync).Allow(StreetAccessRules.InStreet);
        street.MapPost("/staffing/loans", LendAsync).Allow(StreetAccessRules.Office);
        street.MapPost("/staffing/loans/{loanId}/return", ReturnLoanAsync).Allow(StreetAccessRules.Office);
        street.MapGet("/roster", ListRosterAsync).Allow(StreetAccessRules.Handlers);
        street.MapGet("/promotions", GetPromotionsAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/secondments", GetSecondmentsAsync).Allow(StreetAccessRules.Handlers);
        street.MapGet("/secondments/history", ListSecondmentsAsync).Allow(StreetAccessRules.Handlers);
        street.MapPost("/secondments", SecondAsync).Allow(StreetAccessRules.Office);
        street.MapPost("/secondments/{secondmentId}/return", ReturnSecondmentAsync).Allow(StreetAccessRules.Office);

        var person = api.MapPlaceGroup<PersonPlace>("/people/{personId}").WithTags("Personnel");
        person.MapGet("", GetPersonAsync).Allow(PersonnelAccess.SeePerson);
        person.MapPost("/moves", MoveAsync).Allow(PersonnelAccess.ManagePerson);

        var district = api.MapPlaceGroup<DistrictPlace>("/graduates").WithTags("Personnel");
        district.MapGet("/coverage", GetGraduateCoverageAsync).Allow(DistrictAccessRules.AnyToken);
    }

    private static IPersonnelGrain Grain(IGrainFactory grains, IStreet street) => grains.GetGrain<IPersonnelGrain>(street.Code);

    internal static async Task<Ok<StaffingView>> GetStaffingAsync(StreetPlace street, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, street.Street).GetStaffingAsync());

    private static Task<Results<Ok<IReadOnlyList<StaffingChange>>, ProblemHttpResult>> ListStaffingChangesAsync(StreetPlace street, string? after, string? limit,
        HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => Grain(grains, street.Street).ListStaffingChangesAsync(page.After, page.Limit));

    private static async Task<Results<Ok<StaffingChange>, ProblemHttpResult>> ChangeStaffingAsync(StreetPlace street, StaffingChangeRequest request,
        HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("reason", request.Reason, PersonnelLimits.Reason), ("approval", request.Approval, PersonnelLimits.Approval)) is { } tooLong)
            return tooLong;
        var now = (await Grain(grains, street.Street).GetStaffingAsync());
        var after = new StaffingFigures(request.StaffBefore ?? now.StaffBefore, request.BasicPosts ?? now.BasicPosts, request.QuantifiedPosts ?? now.QuantifiedPosts,
            request.TurnoverPosts ?? now.TurnoverPosts, request.CommunityWorkers ?? now.CommunityWorkers, request.AddedPosts ?? now.AddedPosts);
        return (await Grain(grains, street.Street).ChangeStaffingAsync(after, request.Reason ?? "", request.Approval ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    private static Task<Results<Ok<IReadOnlyList<TurnoverLoan>>, ProblemHttpResult>> ListLoansAsync(StreetPlace street, string? after, string? limit,
        HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => Grain(grains, street.Street).ListLoansAsync(page.After, page.Limit));

    private static async Task<Results<Ok<TurnoverLoan>, ProblemHttpResult>> LendAsync(StreetPlace street, LoanRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("to", request.To, PersonnelLimits.Unit), ("reason", request.Reason, PersonnelLimits.Reason)) is { } tooLong)
            return tooLong;
        if (request.Posts is not { } posts || request.ReturnBy is not { } returnBy)
            return ApiProblems.BadRequest("posts and returnBy (yyyy-MM-dd) are required");
        return (await Grain(grains, street.Street).LendTurnoverAsync(request.To ?? "", posts, returnBy, request.Reason ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    private static async Task<Results<Ok<TurnoverLoan>, ProblemHttpResult>> ReturnLoanAsync(StreetPlace street, string loanId, HttpContext http, IGrainFactory grains) =>
        (await Grain(grains, street.Street).ReturnTurnoverAsync(loanId, Actor.Of(http.Caller()))).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<PersonSummary>>, ProblemHttpResult>> ListRosterAsync(StreetPlace street, string? after, string? limit,
        HttpContext http, IGrainFactory grains)
    {
        if (Paging.Read(after, limit, out var asked) is { } badPage)
            return badPage;
        var page = await Grain(grains, street.Street).ListPeopleAsync(asked.After, asked.Limit);
        Paging.LinkNext(http, page.NextAfter, asked);
        return TypedResults.Ok<IReadOnlyList<PersonSummary>>(page.Items.Select(PersonSummary.Of).ToList());
    }

    internal static async Task<Ok<Promotions>> GetPromotionsAsync(StreetPlace street, IGrainFactory grains) =>
        TypedResults.Ok(Promotions.Of(await Grain(grains, street.Street).GetMoveCountsAsync()));

    internal static async Task<Ok<StreetSecondments>> GetSecondmentsAsync(StreetPlace street, IGrainFactory grains)
    {
        var grain = Grain(grains, street.Street);
        return TypedResults.Ok(new StreetSecondments(await grain.GetSecondmentCountsAsync(), await grain.GetOpenSecondmentsAsync()));
    }

    private static Task<Results<Ok<IReadOnlyList<Secondment>>, ProblemHttpResult>> ListSecondmentsAsync(StreetPlace street, string? after, string? limit,
        HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => Grain(grains, street.Street).ListSecondmentsAsync(page.After, page.Limit));

    private static async Task<Results<Ok<Secondment>, ProblemHttpResult>> SecondAsync(StreetPlace street, SecondmentRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("person", request.Person, PersonnelLimits.Approval), ("to", request.To, PersonnelLimits.Unit), ("reason", request.Reason, PersonnelLimits.Reason),
                ("approver", request.Approver, PersonnelLimits.Unit), ("approval", request.Approval, PersonnelLimits.Approval)) is { } tooLong)
            return tooLong;
        if (request.ReturnBy is not { } returnBy)
            return ApiProblems.BadRequest("returnBy (yyyy-MM-dd) is required: a secondment has a return date");
        return (await Grain(grains, street.Street).SecondAsync(request.Person ?? "", request.To ?? "", request.Reason ?? "", request.Approver ?? "",
            request.Approval ?? "", returnBy, Actor.Of(http.Caller()))).ToHttp();
    }

    private static async Task<Results<Ok<Secondment>, ProblemHttpResult>> ReturnSecondmentAsync(StreetPlace street, string secondmentId, HttpContext http,
        IGrainFactory grains) =>
        (await Grain(grains, street.Street).ReturnSecondmentAsync(secondmentId, Actor.Of(http.Caller()))).ToHttp();

    internal static async Task<Results<Ok<PersonCareer>, ProblemHttpResult>> GetPersonAsync(PersonPlace place, IGrainFactory grains) =>
        await Grain(grains, place.Street).GetPersonAsync(place.PersonId) is { } person
            ? TypedResults.Ok(new PersonCareer(PersonSummary.Of(person), person.Moves))
            : ApiProblems.NotFound("人员 (person)", place.PersonId);

    private static async Task<Results<Ok<PersonCareer>, ProblemHttpResult>> MoveAsync(PersonPlace place, MoveRequest request, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("approvedBy", request.ApprovedBy, PersonnelLimits.Unit)) is { } tooLong)
            return tooLong;
        if (request.To is not { } to)
            return ApiProblems.BadRequest("to is required: gridWorker, communityWorker, publicInstitution or civilServant");
        var outcome = await Grain(grains, place.Street).MoveAsync(place.PersonId, to, request.Channel ?? CareerChannel.Step, request.ApprovedBy ?? "", Actor.Of(http.Caller()));
        return outcome.IsOk
            ? TypedResults.Ok(new PersonCareer(PersonSummary.Of(outcome.Value!), outcome.Value!.Moves))
            : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }

    internal static async Task<Ok<GraduateCoverage>> GetGraduateCoverageAsync(IStreetDirectory streets, IGrainFactory grains) =>
        TypedResults.Ok(await GraduateCoverage.ReadAsync(streets, grains));
}
