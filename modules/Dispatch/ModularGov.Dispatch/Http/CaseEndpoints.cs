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
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

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
        var dispatch = api.MapPlaceGroup<DistrictPlace>("/dispatch/cases").WithTags("Dispatch");
        dispatch.MapPost("", ReportAsync).Allow(DispatchAccess.Reporters);
        dispatch.MapGet("", BoardAsync).Allow(DispatchAccess.BoardReaders);

        var @case = api.MapPlaceGroup<CasePlace>("/dispatch/cases/{caseId}").WithTags("Dispatch");
        @case.MapGet("", GetCase).Allow(DispatchAccess.ReadCase);
        @case.MapPost("/verify", VerifyAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/deliberate", DeliberateAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/refer", ReferUpAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/coordinate", CoordinateAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/appeals/{unit}/decide", DecideAppealAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/appeal", AppealAsync).Allow(DispatchAccess.AssignedUnit);
        @case.MapPost("/progress", ReportProgressAsync).Allow(DispatchAccess.AssignedUnit);
        @case.MapPost("/confirm", ConfirmAsync).Allow(DispatchAccess.OriginatingCommunity);
        @case.MapPost("/evaluate", EvaluateAsync).Allow(DispatchAccess.OriginatingCommunity);
    }

    private static Ok<CaseView> GetCase(CasePlace place) => TypedResults.Ok(place.Case);

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> VerifyAsync(CasePlace place, VerifyRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("findings", body.Findings, Text), ("cause", body.Cause, Text)))
            ?? StepAsync(place, http, grains, (c, by) => c.VerifyAsync(body.Findings ?? "", body.Cause ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> ReferUpAsync(CasePlace place, ReasonRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("reason", body.Reason, Text))) ?? StepAsync(place, http, grains, (c, by) => c.ReferUpAsync(body.Reason ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> CoordinateAsync(CasePlace place, CoordinateRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("note", body.Note, Text)) ?? UnitList("units", body.Units))
            ?? StepAsync(place, http, grains, (c, by) => c.CoordinateAsync(body.Units ?? [], body.Note ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> DecideAppealAsync(CasePlace place, string unit, AppealDecision body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("newLead", body.NewLead, TextRules.MaxId), ("decision", body.Decision, Text)))
            ?? StepAsync(place, http, grains, (c, by) => body.Upheld is { } upheld
                ? c.DecideAppealAsync(unit, upheld, body.NewLead, body.Decision ?? "", by)
                : Task.FromResult(Outcome<CaseView>.Refuse(Refusal.Invalid, "upheld (true or false) is required")));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> AppealAsync(CasePlace place, AppealRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("reasons", body.Reasons, Text))) ?? UnitStepAsync(place, http, grains, (c, unit, by) => c.AppealAsync(unit, body.Reasons ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> ReportProgressAsync(CasePlace place, NoteRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("note", body.Note, Text))) ?? UnitStepAsync(place, http, grains, (c, unit, by) => c.ReportProgressAsync(unit, body.Note ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> ConfirmAsync(CasePlace place, NoteRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("note", body.Note, Text))) ?? StepAsync(place, http, grains, (c, by) => c.ConfirmClosureAsync(body.Note ?? "", by));

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> EvaluateAsync(CasePlace place, EvaluateRequest body, HttpContext http, IGrainFactory grains) =>
        Limited(FieldLimits.Refusal(("note", body.Note, Text))) ?? StepAsync(place, http, grains, (c, by) => c.EvaluateAsync(body.Satisfaction ?? 0, body.Note, by));

    private static async Task<Results<Created<CaseReceipt>, Ok<CaseReceipt>, ProblemHttpResult>> ReportAsync(
        IntakeRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("street", request.Street, TextRules.MaxId), ("community", request.Community, TextRules.MaxId), ("category", request.Category, TextRules.MaxId),
                ("description", request.Description, IntakeRules.MaxDescription), ("place", request.Place, IntakeRules.MaxPlace), ("compound", request.Compound, TextRules.MaxId),
                ("urgency", request.Urgency, TextRules.MaxId), ("Idempotency-Key", key, MaxIdempotencyKey)) is { } tooLong)
            return tooLong;
        var caller = http.Caller();
        var street = request.Street ?? "";
        // The rule let in reporters; which place each may report for depends on the body.
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
        var report = new NewCase
        {
            Source = source,
            SourceRef = $"{source.ToString().ToLowerInvariant()}:{caller.TokenId}:{key}",
            Street = street,
            Community = request.Community ?? "",
            Category = category,
            Description = request.Description ?? "",
            Place = request.Place ?? "",
            Compound = request.Compound,
            Urgency = urgency,
            By = Actor.Of(caller),
        };
        var outcome = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).ReceiveAsync(report, report.SourceRef);
        if (!outcome.IsOk)
            return ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
        var receipt = outcome.Value!;
        return receipt.Replayed || receipt.Duplicate ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/dispatch/cases/{receipt.CaseId}", receipt);
    }

    /// <summary>The board, narrowed to what the caller handles: a department its units' cases, a street office its street, a community its own.</summary>
    private static async Task<Results<Ok<IReadOnlyList<CaseIndexEntry>>, ProblemHttpResult>> BoardAsync(
        string? step, bool? overdue, string? after, int? limit, HttpContext http, IGrainFactory grains)
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
        var query = BoardFor(caller) with { Step = wanted, Overdue = overdue, After = after, Limit = size };
        var page = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).GetBoardAsync(query);
        if (page.Next is { } next)
            http.Response.Headers.Link = $"</api/dispatch/cases?after={Uri.EscapeDataString(next)}&limit={size}{(step is null ? "" : $"&step={Uri.EscapeDataString(step)}")}{(overdue is null ? "" : $"&overdue={overdue.Value.ToString().ToLowerInvariant()}")}>; rel=\"next\"";
        return TypedResults.Ok(page.Cases);
    }

    /// <summary>What of the board a caller sees: a department its units' cases, a street office its street, a community its own, the centre all.</summary>
    internal static BoardQuery BoardFor(AccessIdentity caller)
    {
        var street = caller.Scope.StreetCode;
        return new BoardQuery
        {
            Streets = street is null ? null : [street],
            Unit = DispatchAccess.UnitOf(caller),
            Community = caller.Role == Role.CommunityWorker ? caller.Scope.Id[(street!.Length + 1)..] : null,
        };
    }

    internal static Task<Results<Ok<CaseView>, ProblemHttpResult>> DeliberateAsync(CasePlace place, DeliberateRequest body, HttpContext http, IGrainFactory grains)
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
        return StepAsync(place, http, grains, (c, by) => c.DeliberateAsync(body.Lead ?? "", body.Assisting ?? [], urgency, by));
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

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> StepAsync(
        CasePlace place, HttpContext http, IGrainFactory grains, Func<IDispatchCaseGrain, Actor, Task<Outcome<CaseView>>> step) =>
        (await step(grains.GetGrain<IDispatchCaseGrain>(place.Id), Actor.Of(http.Caller()))).ToHttp();

    /// <summary>A step a unit takes: the rule <see cref="DispatchAccess.AssignedUnit"/> let only an assigned department's token here.</summary>
    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> UnitStepAsync(
        CasePlace place, HttpContext http, IGrainFactory grains, Func<IDispatchCaseGrain, string, Actor, Task<Outcome<CaseView>>> step)
    {
        var caller = http.Caller();
        return (await step(grains.GetGrain<IDispatchCaseGrain>(place.Id), DispatchAccess.UnitOf(caller)!, Actor.Of(caller))).ToHttp();
    }
}
