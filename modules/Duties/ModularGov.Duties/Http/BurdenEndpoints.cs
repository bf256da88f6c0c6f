using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Burden;
using ModularGov.Duties.Certificates;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Plaques;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Http;

/// <summary>Certificates at the counter, plaques, and the meetings/inspections/forms ledger with its before-and-after report.</summary>
internal static class BurdenEndpoints
{
    public sealed record HangBody(PlaqueKind? Kind, string? Title, string? HungBy);
    public sealed record RemoveBody(string? RemovedBy, string? Campaign);
    public sealed record MeetingBody(DateOnly? Date, string? Title, string? ConvenedBy, bool? Online);
    public sealed record InspectionBody(DateOnly? Date, string? Unit, bool? Accompanied);
    public sealed record FormBody(string? Indicator, string? Period, string? Department, string? Value);
    public sealed record StreetPlaques(string Street, int Removed, int EverHung, int Current, IReadOnlyList<PlaqueRegister> Communities);
    public sealed record StreetBurden(string Street, IReadOnlyList<BurdenReport> Communities);

    /// <summary>The longest request a resident words at the counter.</summary>
    public const int MaxWords = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Burden");

        group.MapGet("/certificates/check", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (string? q, CertificateList list, IGrainFactory grains) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > MaxWords)
                return ApiProblems.BadRequest($"q is required: the resident's words, 1–{MaxWords} characters");
            var check = list.Check(q);
            if (check.Refuse)
                await grains.GetGrain<ICertificateRefusalsGrain>("district").CountAsync(check.Code!);
            return TypedResults.Ok(check);
        });
        group.MapGet("/certificates", (CertificateList list) => list.Items);
        group.MapGet("/certificates/refusals", async (CertificateList list, IGrainFactory grains) =>
        {
            var counts = await grains.GetGrain<ICertificateRefusalsGrain>("district").GetCountsAsync();
            return list.Items.Select(i => new { item = i.Name, code = i.Code, refusals = counts.GetValueOrDefault(i.Code) }).ToList();
        });

        group.MapGet("/communities/{communityId}/plaques", async Task<Results<Ok<PlaqueRegister>, ProblemHttpResult>> (string communityId, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.KeepCommunity(http.Caller(), streets, communityId, departmentsToo: true) is { } refused ? refused : TypedResults.Ok(await grains.GetGrain<IPlaqueRegisterGrain>(communityId).GetAsync()));

        group.MapGet("/communities/{communityId}/plaques/removed", async Task<Results<Ok<IReadOnlyList<Plaque>>, ProblemHttpResult>> (
            string communityId, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.KeepCommunity(http.Caller(), streets, communityId, departmentsToo: true) is { } refused ? refused
            : await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IPlaqueRegisterGrain>(communityId).ListRemovedAsync(page.After, page.Limit)));

        group.MapPost("/communities/{communityId}/plaques", async Task<Results<Ok<Plaque>, ProblemHttpResult>> (string communityId, HangBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("title", body.Title, PlaqueRegisterGrain.MaxText), ("hungBy", body.HungBy, PlaqueRegisterGrain.MaxText)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (DutyAccess.KeepCommunity(caller, streets, communityId, departmentsToo: true) is { } refused)
                return refused;
            if (body.Kind is not { } kind)
                return ApiProblems.BadRequest("kind (sign or marker) is required");
            var hungBy = caller.Role == Role.DepartmentStaff ? caller.Scope.Id : body.HungBy ?? "";
            return (await grains.GetGrain<IPlaqueRegisterGrain>(communityId).HangAsync(kind, body.Title ?? "", hungBy, Actor.Of(caller))).ToHttp();
        });

        group.MapPost("/communities/{communityId}/plaques/{code}/remove", async Task<Results<Ok<Plaque>, ProblemHttpResult>> (string communityId, string code, RemoveBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("removedBy", body.RemovedBy, PlaqueRegisterGrain.MaxText), ("campaign", body.Campaign, PlaqueRegisterGrain.MaxText)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (DutyAccess.KeepCommunity(caller, streets, communityId, departmentsToo: true) is { } refused)
                return refused;
            var removedBy = caller.Role == Role.DepartmentStaff ? caller.Scope.Id : body.RemovedBy ?? "";
            return (await grains.GetGrain<IPlaqueRegisterGrain>(communityId).RemoveAsync(code, removedBy, body.Campaign, Actor.Of(caller))).ToHttp();
        });

        group.MapGet("/streets/{code}/plaques", async Task<Results<Ok<StreetPlaques>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (DutyAccess.SeeStreet(http.Caller(), streets, code) is { } refused)
                return refused;
            var registers = await Task.WhenAll(streets.Find(code)!.Profile.Communities.Select(c => grains.GetGrain<IPlaqueRegisterGrain>($"{code}.{c.Code}").GetAsync()));
            return TypedResults.Ok(new StreetPlaques(code, registers.Sum(r => r.Removed), registers.Sum(r => r.EverHung), registers.Sum(r => r.Signs + r.Markers), registers));
        });

        group.MapPost("/communities/{communityId}/meetings", async Task<Results<Ok<Meeting>, ProblemHttpResult>> (string communityId, MeetingBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            FieldLimits.Refusal(("title", body.Title, BurdenLedgerGrain.MaxText), ("convenedBy", body.ConvenedBy, BurdenLedgerGrain.MaxText)) is { } tooLong ? tooLong
            : DutyAccess.KeepCommunity(http.Caller(), streets, communityId) is { } refused ? refused
            : body.Date is not { } date ? ApiProblems.BadRequest("date (yyyy-MM-dd) is required")
            : (await grains.GetGrain<IBurdenLedgerGrain>(communityId).RecordMeetingAsync(date, body.Title ?? "", body.ConvenedBy ?? "", body.Online ?? false, Actor.Of(http.Caller()))).ToHttp());

        group.MapPost("/communities/{communityId}/inspections", async Task<Results<Ok<Inspection>, ProblemHttpResult>> (string communityId, InspectionBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            FieldLimits.Refusal(("unit", body.Unit, BurdenLedgerGrain.MaxText)) is { } tooLong ? tooLong
            : DutyAccess.KeepCommunity(http.Caller(), streets, communityId) is { } refused ? refused
            : body.Date is not { } date ? ApiProblems.BadRequest("date (yyyy-MM-dd) is required")
            : (await grains.GetGrain<IBurdenLedgerGrain>(communityId).RecordInspectionAsync(date, body.Unit ?? "", body.Accompanied ?? false, Actor.Of(http.Caller()))).ToHttp());

        group.MapPost("/communities/{communityId}/forms", async Task<Results<Ok<FormOutcome>, ProblemHttpResult>> (string communityId, FormBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("indicator", body.Indicator, TextRules.MaxId), ("period", body.Period, TextRules.MaxId),
                    ("department", body.Department, TextRules.MaxId), ("value", body.Value, BurdenLedgerGrain.MaxText)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (DutyAccess.KeepCommunity(caller, streets, communityId, departmentsToo: true) is { } refused)
                return refused;
            var department = caller.Role == Role.DepartmentStaff ? caller.Scope.Id : body.Department ?? "";
            return (await grains.GetGrain<IBurdenLedgerGrain>(communityId).SubmitFormAsync(body.Indicator ?? "", body.Period ?? "", department, body.Value ?? "", Actor.Of(caller))).ToHttp();
        });

        group.MapGet("/communities/{communityId}/burden", async Task<Results<Ok<BurdenReport>, ProblemHttpResult>> (string communityId, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.KeepCommunity(http.Caller(), streets, communityId) is { } refused ? refused : TypedResults.Ok(await grains.GetGrain<IBurdenLedgerGrain>(communityId).GetReportAsync()));

        group.MapGet("/streets/{code}/burden", async Task<Results<Ok<StreetBurden>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (DutyAccess.SeeStreet(http.Caller(), streets, code) is { } refused)
                return refused;
            var reports = await Task.WhenAll(streets.Find(code)!.Profile.Communities.Select(c => grains.GetGrain<IBurdenLedgerGrain>($"{code}.{c.Code}").GetReportAsync()));
            return TypedResults.Ok(new StreetBurden(code, reports));
        });
    }
}
