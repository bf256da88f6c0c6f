using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Centre;
using ModularGov.Dispatch.Contracts;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Dispatch.Http;

/// <summary>A case's intake from a community or street, its board, its history, and each step of 接、判、办、评.</summary>
internal static class CaseEndpoints
{
    public sealed record IntakeRequest(string? Street, string? Community, string? Category, string? Description, string? Place, string? Compound, string? Urgency);
    public sealed record VerifyRequest(string? Findings, string? Cause);
    public sealed record DeliberateRequest(string? Lead, List<string>? Assisting, string? Urgency);
    public sealed record ReasonRequest(string? Reason);
    public sealed record AppealRequest(string? Reasons);
    public sealed record AppealDecision(bool? Upheld, string? NewLead, string? Decision);
    public sealed record NoteRequest(string? Note);
    public sealed record CoordinateRequest(List<string>? Units, string? Note);
    public sealed record EvaluateRequest(int? Satisfaction, string? Note);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dispatch").WithTags("Dispatch");

        group.MapPost("/cases", async Task<Results<Created<CaseReceipt>, Ok<CaseReceipt>, ProblemHttpResult>> (
            IntakeRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("street", request.Street, TextRules.MaxId), ("community", request.Community, TextRules.MaxId), ("category", request.Category, TextRules.MaxId),
                    ("description", request.Description, IntakeRules.MaxDescription), ("place", request.Place, IntakeRules.MaxPlace), ("compound", request.Compound, TextRules.MaxId),
                    ("urgency", request.Urgency, TextRules.MaxId), ("Idempotency-Key", key, MaxIdempotencyKey)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            var street = request.Street ?? "";
            CaseSource source;
            if (caller.WorksInCommunity(street, request.Community ?? ""))
                source = CaseSource.Community;
            else if (caller.ManagesStreet(street) || DispatchAccess.IsCentre(caller))
                source = CaseSource.Street;
            else
                return ApiProblems.Forbidden($"your scope {caller.Scope} cannot report cases for {street}.{request.Community}");
            if (string.IsNullOrWhiteSpace(key))
                return ApiProblems.BadRequest($"the Idempotency-Key header is required: 1–{MaxIdempotencyKey} characters");
            if (!TryEnum<ProblemCategory>(request.Category, out var category))
                return ApiProblems.BadRequest($"category '{request.Category}' is not one of {string.Join(", ", Enum.GetNames<ProblemCategory>().Select(n => n.ToLowerInvariant()))}");
            Urgency? urgency = null;
            if (request.Urgency is not null)
            {
                if (!TryEnum<Urgency>(request.Urgency, out var parsed))
                    return ApiProblems.BadRequest($"urgency '{request.Urgency}' is not one of emergency, utilities, ordinary, complex");
                urgency = parsed;
            }
            var report = new NewCase(source, $"{source.ToString().ToLowerInvariant()}:{caller.TokenId}:{key}", street, request.Community ?? "", category,
                request.Description ?? "", request.Place ?? "", request.Compound, urgency, null, Actor.Of(caller));
            var outcome = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).ReceiveAsync(report, report.SourceRef);
            if (!outcome.IsOk)
                return ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
            var receipt = outcome.Value!;
            return receipt.Replayed || receipt.Duplicate ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/dispatch/cases/{receipt.CaseId}", receipt);
        });

        group.MapGet("/cases", async Task<Results<Ok<IReadOnlyList<CaseIndexEntry>>, ProblemHttpResult>> (
            string? step, bool? overdue, string? after, int? limit, HttpContext http, IGrainFactory grains, IStreetDirectory streets) =>
        {
            var caller = http.Caller();
            CaseStep? wanted = null;
            if (step is not null)
            {
                if (!TryEnum<CaseStep>(step, out var parsed))
                    return ApiProblems.BadRequest($"step '{Clip(step)}' is not one of {string.Join(", ", Enum.GetNames<CaseStep>().Select(n => n.ToLowerInvariant()))}");
                wanted = parsed;
            }
            if (after is not null && (after.Length > MaxCursor || BoardCursor.Parse(after) is null))
                return ApiProblems.BadRequest("after must be the cursor a page's Link header gives");
            var size = Math.Clamp(limit ?? BoardPage.DefaultLimit, 1, BoardPage.MaxLimit);
            var unit = DispatchAccess.UnitOf(caller);
            var visible = DispatchAccess.IsCentre(caller) || unit is not null ? null : streets.All.Where(s => caller.CanSeeStreet(s.Code)).Select(s => s.Code).ToList();
            var page = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).GetBoardAsync(new BoardQuery(visible, wanted, overdue, unit, after, size));
            if (page.Next is { } next)
                http.Response.Headers.Link = $"</api/dispatch/cases?after={Uri.EscapeDataString(next)}&limit={size}{(step is null ? "" : $"&step={Uri.EscapeDataString(step)}")}{(overdue is null ? "" : $"&overdue={overdue.Value.ToString().ToLowerInvariant()}")}>; rel=\"next\"";
            return TypedResults.Ok(page.Cases);
        });

        group.MapGet("/cases/{caseId}", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (string caseId, HttpContext http, IGrainFactory grains) =>
        {
            var (view, refused) = await VisibleAsync(caseId, http.Caller(), grains);
            return refused is null ? TypedResults.Ok(view!) : refused;
        });

        group.MapPost("/cases/{caseId}/verify", (string caseId, VerifyRequest body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("findings", body.Findings, Text), ("cause", body.Cause, Text)))
                ?? CentreStepAsync(caseId, http, grains, (c, by) => c.VerifyAsync(body.Findings ?? "", body.Cause ?? "", by)));

        group.MapPost("/cases/{caseId}/deliberate", (string caseId, DeliberateRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (Limited(FieldLimits.Refusal(("lead", body.Lead, TextRules.MaxId), ("urgency", body.Urgency, TextRules.MaxId)) ?? UnitList("assisting", body.Assisting)) is { } tooLong)
                return tooLong;
            Urgency? urgency = null;
            if (body.Urgency is not null)
            {
                if (!TryEnum<Urgency>(body.Urgency, out var parsed))
                    return Task.FromResult<Results<Ok<CaseView>, ProblemHttpResult>>(ApiProblems.BadRequest($"urgency '{body.Urgency}' is not known"));
                urgency = parsed;
            }
            return CentreStepAsync(caseId, http, grains, (c, by) => c.DeliberateAsync(body.Lead ?? "", body.Assisting ?? [], urgency, by));
        });

        group.MapPost("/cases/{caseId}/refer", (string caseId, ReasonRequest body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("reason", body.Reason, Text))) ?? CentreStepAsync(caseId, http, grains, (c, by) => c.ReferUpAsync(body.Reason ?? "", by)));

        group.MapPost("/cases/{caseId}/coordinate", (string caseId, CoordinateRequest body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("note", body.Note, Text)) ?? UnitList("units", body.Units)) ?? CentreStepAsync(caseId, http, grains, (c, by) => c.CoordinateAsync(body.Units ?? [], body.Note ?? "", by)));

        group.MapPost("/cases/{caseId}/appeals/{unit}/decide", (string caseId, string unit, AppealDecision body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("newLead", body.NewLead, TextRules.MaxId), ("decision", body.Decision, Text))) ?? CentreStepAsync(caseId, http, grains, (c, by) => body.Upheld is { } upheld
                ? c.DecideAppealAsync(unit, upheld, body.NewLead, body.Decision ?? "", by)
                : Task.FromResult(Outcome<CaseView>.Refuse(Refusal.Invalid, "upheld (true or false) is required"))));

        group.MapPost("/cases/{caseId}/appeal", (string caseId, AppealRequest body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("reasons", body.Reasons, Text))) ?? UnitStepAsync(caseId, http, grains, (c, unit, by) => c.AppealAsync(unit, body.Reasons ?? "", by)));

        group.MapPost("/cases/{caseId}/progress", (string caseId, NoteRequest body, HttpContext http, IGrainFactory grains) =>
            Limited(FieldLimits.Refusal(("note", body.Note, Text))) ?? UnitStepAsync(caseId, http, grains, (c, unit, by) => c.ReportProgressAsync(unit, body.Note ?? "", by)));

        group.MapPost("/cases/{caseId}/confirm", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (string caseId, NoteRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("note", body.Note, Text)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            var (view, refused) = await VisibleAsync(caseId, caller, grains);
            if (refused is not null)
                return refused;
            if (!caller.WorksInCommunity(view!.Street, view.Community))
                return ApiProblems.Forbidden($"only the originating community ({view.Street}.{view.Community}) confirms a case closed");
            return (await grains.GetGrain<IDispatchCaseGrain>(caseId).ConfirmClosureAsync(body.Note ?? "", Actor.Of(caller))).ToHttp();
        });

        group.MapPost("/cases/{caseId}/evaluate", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (string caseId, EvaluateRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("note", body.Note, Text)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            var (view, refused) = await VisibleAsync(caseId, caller, grains);
            if (refused is not null)
                return refused;
            if (!caller.WorksInCommunity(view!.Street, view.Community) && !caller.ManagesStreet(view.Street))
                return ApiProblems.Forbidden("a case is rated by its community (for the residents) or its street");
            return (await grains.GetGrain<IDispatchCaseGrain>(caseId).EvaluateAsync(body.Satisfaction ?? 0, body.Note, Actor.Of(caller))).ToHttp();
        });
    }

    private const int MaxCursor = 100;
    private const int MaxIdempotencyKey = 100;
    private const int Text = DispatchCaseGrain.MaxText;
    /// <summary>More units than the district has are never needed on one case.</summary>
    private const int MaxUnits = 50;

    private static ProblemHttpResult? UnitList(string field, List<string>? units) =>
        FieldLimits.Each(field, units, MaxUnits, (unit, at) => FieldLimits.Refusal((at, unit, TextRules.MaxId)));

    /// <summary>A refusal found before the step, as the step's own result type; null when there is none.</summary>
    private static Task<Results<Ok<CaseView>, ProblemHttpResult>>? Limited(ProblemHttpResult? tooLong) =>
        tooLong is null ? null : Task.FromResult<Results<Ok<CaseView>, ProblemHttpResult>>(tooLong);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool TryEnum<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    /// <summary>The case if the caller may see it; 404 for the centre and the case's street, 403 for anyone else.</summary>
    private static async Task<(CaseView? View, ProblemHttpResult? Refused)> VisibleAsync(string caseId, AccessIdentity caller, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IDispatchCaseGrain>(caseId).GetAsync();
        if (view is null)
            return (null, DispatchAccess.IsCentre(caller) ? ApiProblems.NotFound("案件", caseId) : ApiProblems.Forbidden($"case '{caseId}' is not one of yours"));
        return DispatchAccess.CanSee(caller, view) ? (view, null) : (null, ApiProblems.Forbidden($"case '{caseId}' is not one of yours"));
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> CentreStepAsync(
        string caseId, HttpContext http, IGrainFactory grains, Func<IDispatchCaseGrain, Actor, Task<Outcome<CaseView>>> step)
    {
        var caller = http.Caller();
        if (!DispatchAccess.IsCentre(caller))
            return ApiProblems.Forbidden("only the dispatch centre's working groups take this step");
        return (await step(grains.GetGrain<IDispatchCaseGrain>(caseId), Actor.Of(caller))).ToHttp();
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> UnitStepAsync(
        string caseId, HttpContext http, IGrainFactory grains, Func<IDispatchCaseGrain, string, Actor, Task<Outcome<CaseView>>> step)
    {
        var caller = http.Caller();
        if (DispatchAccess.UnitOf(caller) is not { } unit)
            return ApiProblems.Forbidden("only an assigned unit's department token takes this step");
        var (_, refused) = await VisibleAsync(caseId, caller, grains);
        if (refused is not null)
            return refused;
        return (await step(grains.GetGrain<IDispatchCaseGrain>(caseId), unit, Actor.Of(caller))).ToHttp();
    }
}
