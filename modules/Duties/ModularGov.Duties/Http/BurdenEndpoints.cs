using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Burden;
using ModularGov.Duties.Certificates;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Plaques;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Duties.Http;

/// <summary>Certificates at the counter, plaques, and the meetings/inspections/forms ledger with its before-and-after report.</summary>
internal static class BurdenEndpoints
{
    public sealed record HangBody(PlaqueKind? Kind, string? Title);
    public sealed record RemoveBody(string? Campaign);
    public sealed record MeetingBody(DateOnly? Date, string? Title, string? ConvenedBy, bool? Online);
    public sealed record InspectionBody(DateOnly? Date, string? Unit, bool? Accompanied);
    public sealed record FormBody(string? Indicator, string? Period, string? Department, string? Value);

    /// <summary>The longest request a resident words at the counter.</summary>
    public const int MaxWords = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        var certificates = api.MapPlaceGroup<DistrictPlace>("/certificates").WithTags("Burden");
        certificates.MapGet("/check", CheckCertificateAsync).Allow(DistrictAccessRules.AnyToken);
        certificates.MapGet("", ListCertificates).Allow(DistrictAccessRules.AnyToken);
        certificates.MapGet("/refusals", CountRefusalsAsync).Allow(DistrictAccessRules.AnyToken);

        var community = api.MapPlaceGroup<CommunityPlace>("/communities/{communityId}").WithTags("Burden");
        community.MapGet("/plaques", GetPlaquesAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapGet("/plaques/removed", ListRemovedPlaquesAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/plaques", HangPlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/plaques/{code}/remove", RemovePlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/meetings", RecordMeetingAsync).Allow(DutyAccess.KeepCommunity);
        community.MapPost("/inspections", RecordInspectionAsync).Allow(DutyAccess.KeepCommunity);
        community.MapPost("/forms", SubmitFormAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapGet("/burden", GetBurdenAsync).Allow(DutyAccess.KeepCommunity);

        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Burden");
        street.MapGet("/plaques", StreetPlaquesAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/burden", StreetBurdenAsync).Allow(StreetAccessRules.InStreet);
    }

    internal static IReadOnlyList<CertificateItem> ListCertificates(CertificateList list) => list.Items;

    internal static async Task<List<RefusalCount>> CountRefusalsAsync(CertificateList list, IGrainFactory grains)
    {
        var counts = await grains.GetGrain<ICertificateRefusalsGrain>("district").GetCountsAsync();
        return list.Items.Select(i => new RefusalCount(i.Name, i.Code, counts.GetValueOrDefault(i.Code))).ToList();
    }

    internal static async Task<Ok<PlaqueRegister>> GetPlaquesAsync(CommunityPlace place, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPlaqueRegisterGrain>(place.Id).GetAsync());

    private static Task<Results<Ok<IReadOnlyList<Plaque>>, ProblemHttpResult>> ListRemovedPlaquesAsync(
        CommunityPlace place, string? after, string? limit, HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => grains.GetGrain<IPlaqueRegisterGrain>(place.Id).ListRemovedAsync(page.After, page.Limit));

    internal static async Task<Ok<BurdenReport>> GetBurdenAsync(CommunityPlace place, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBurdenLedgerGrain>(place.Id).GetReportAsync());

    internal static async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> CheckCertificateAsync(string? q, CertificateList list, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxWords)
            return ApiProblems.BadRequest($"q is required: the resident's words, 1–{MaxWords} characters");
        var check = list.Check(q);
        if (check.Refuse)
            await grains.GetGrain<ICertificateRefusalsGrain>("district").CountAsync(check.Code!);
        return TypedResults.Ok(check);
    }

    internal static async Task<Results<Ok<Plaque>, ProblemHttpResult>> HangPlaqueAsync(CommunityPlace place, HangBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("title", body.Title, PlaqueRegisterGrain.MaxText)) is { } tooLong)
            return tooLong;
        if (body.Kind is not { } kind)
            return ApiProblems.BadRequest("kind (sign or marker) is required");
        var caller = http.Caller();
        return (await grains.GetGrain<IPlaqueRegisterGrain>(place.Id).HangAsync(kind, body.Title ?? "", DutyAccess.PlaqueBodyOf(caller), Actor.Of(caller))).ToHttp();
    }

    internal static async Task<Results<Ok<Plaque>, ProblemHttpResult>> RemovePlaqueAsync(CommunityPlace place, string code, RemoveBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("campaign", body.Campaign, PlaqueRegisterGrain.MaxText)) is { } tooLong)
            return tooLong;
        var caller = http.Caller();
        return (await grains.GetGrain<IPlaqueRegisterGrain>(place.Id).RemoveAsync(code, DutyAccess.PlaqueBodyOf(caller), body.Campaign, Actor.Of(caller))).ToHttp();
    }

    internal static async Task<Results<Ok<Meeting>, ProblemHttpResult>> RecordMeetingAsync(CommunityPlace place, MeetingBody body, HttpContext http, IGrainFactory grains) =>
        FieldLimits.Refusal(("title", body.Title, BurdenLedgerGrain.MaxText), ("convenedBy", body.ConvenedBy, BurdenLedgerGrain.MaxText)) is { } tooLong ? tooLong
        : body.Date is not { } date ? ApiProblems.BadRequest("date (yyyy-MM-dd) is required")
        : (await grains.GetGrain<IBurdenLedgerGrain>(place.Id).RecordMeetingAsync(date, body.Title ?? "", body.ConvenedBy ?? "", body.Online ?? false, Actor.Of(http.Caller()))).ToHttp();

    internal static async Task<Results<Ok<Inspection>, ProblemHttpResult>> RecordInspectionAsync(CommunityPlace place, InspectionBody body, HttpContext http, IGrainFactory grains) =>
        FieldLimits.Refusal(("unit", body.Unit, BurdenLedgerGrain.MaxText)) is { } tooLong ? tooLong
        : body.Date is not { } date ? ApiProblems.BadRequest("date (yyyy-MM-dd) is required")
        : (await grains.GetGrain<IBurdenLedgerGrain>(place.Id).RecordInspectionAsync(date, body.Unit ?? "", body.Accompanied ?? false, Actor.Of(http.Caller()))).ToHttp();

    internal static async Task<Results<Ok<FormOutcome>, ProblemHttpResult>> SubmitFormAsync(CommunityPlace place, FormBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("indicator", body.Indicator, TextRules.MaxId), ("period", body.Period, TextRules.MaxId),
                ("department", body.Department, TextRules.MaxId), ("value", body.Value, BurdenLedgerGrain.MaxText)) is { } tooLong)
            return tooLong;
        var caller = http.Caller();
        var department = caller.Role == Role.DepartmentStaff ? caller.Scope.Id : body.Department ?? "";
        return (await grains.GetGrain<IBurdenLedgerGrain>(place.Id).SubmitFormAsync(body.Indicator ?? "", body.Period ?? "", department, body.Value ?? "", Actor.Of(caller))).ToHttp();
    }

    internal static async Task<Ok<StreetPlaques>> StreetPlaquesAsync(StreetPlace place, IGrainFactory grains)
    {
        var registers = await Task.WhenAll(place.Street.Profile.Communities.Select(c => grains.GetGrain<IPlaqueRegisterGrain>($"{place.Code}.{c.Code}").GetAsync()));
        return TypedResults.Ok(new StreetPlaques(place.Code, registers.Sum(r => r.Removed), registers.Sum(r => r.EverHung), registers.Sum(r => r.Signs + r.Markers), registers));
    }

    internal static async Task<Ok<StreetBurden>> StreetBurdenAsync(StreetPlace place, IGrainFactory grains)
    {
        var reports = await Task.WhenAll(place.Street.Profile.Communities.Select(c => grains.GetGrain<IBurdenLedgerGrain>($"{place.Code}.{c.Code}").GetReportAsync()));
        return TypedResults.Ok(new StreetBurden(place.Code, reports));
    }
}
