using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Lists;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Duties.Http;

/// <summary>权责清单: versions and their comparison, admission of pushed-down tasks, list changes, territorial agreements.</summary>
internal static class DutyEndpoints
{
    public sealed record TaskBody(string? Department, string? Community, string? Title, string? Category, string? Item);
    public sealed record ChangeBody(ChangeAction? Action, DutyItem? Item, string? Reason, string? Assessor);
    public sealed record AssessBody(bool? Favourable, string? Assessment);
    public sealed record ApproveBody(string? LegalBasis);
    public sealed record RejectBody(string? Reason);
    public sealed record AgreementBody(string? Department, string? Item, string? Primary, string? Secondary);

    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Duties");
        // A duty list is a public commitment: anyone inside the street, the district and every department reads it.
        street.MapGet("/duties", GetCurrentAsync).Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapGet("/duties/versions/{version:int}", GetVersionAsync).Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapGet("/duties/compare", CompareAsync).Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapPost("/tasks", AdmitTaskAsync).Allow(DutyAccess.PushTask);
        street.MapGet("/tasks", ListTasksAsync).Allow(StreetAccessRules.InStreet);
        street.MapGet("/refusals", GetRefusalsAsync).Allow(StreetAccessRules.InStreet);
        street.MapPost("/duty-changes", ApplyForChangeAsync).Allow(DutyAccess.ApplyForChange);
        street.MapGet("/duty-changes", ListChangesAsync).Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapPost("/agreements", FileAgreementAsync).Allow(StreetAccessRules.Office);
        street.MapGet("/agreements", ListAgreementsAsync).Allow(StreetAccessRules.InStreetOrDepartments);

        var change = api.MapPlaceGroup<DutyChangePlace>("/duty-changes/{changeId}").WithTags("Duties");
        change.MapPost("/assess", AssessAsync).Allow(DutyAccess.Assess);
        change.MapPost("/approve", ApproveAsync).Allow(DutyAccess.Decide);
        change.MapPost("/reject", RejectAsync).Allow(DutyAccess.Decide);
    }

    internal static async Task<Ok<DutyListVersion>> GetCurrentAsync(StreetPlace place, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDutyListGrain>(place.Code).GetCurrentAsync());

    private static Task<Results<Ok<IReadOnlyList<AdmissionRecord>>, ProblemHttpResult>> ListTasksAsync(
        StreetPlace place, string? after, string? limit, HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(place.Code).ListTasksAsync(page.After, page.Limit));

    internal static async Task<Ok<IReadOnlyList<DepartmentTasks>>> GetRefusalsAsync(StreetPlace place, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDutyListGrain>(place.Code).GetTasksByDepartmentAsync());

    private static Task<Results<Ok<IReadOnlyList<DutyChange>>, ProblemHttpResult>> ListChangesAsync(
        StreetPlace place, string? after, string? limit, HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(place.Code).ListChangesAsync(page.After, page.Limit));

    private static Task<Results<Ok<IReadOnlyList<TerritorialAgreement>>, ProblemHttpResult>> ListAgreementsAsync(
        StreetPlace place, string? after, string? limit, HttpContext http, IGrainFactory grains) =>
        Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(place.Code).ListAgreementsAsync(page.After, page.Limit));

    internal static async Task<Results<Ok<DutyListVersion>, ProblemHttpResult>> GetVersionAsync(StreetPlace place, int version, IGrainFactory grains)
    {
        var found = await grains.GetGrain<IDutyListGrain>(place.Code).GetVersionAsync(version);
        return found is null ? ApiProblems.NotFound("清单版本", $"{place.Code} v{version}") : TypedResults.Ok(found);
    }

    internal static async Task<Results<Ok<DutyListDiff>, ProblemHttpResult>> CompareAsync(StreetPlace place, int? from, int? to, IGrainFactory grains)
    {
        if (from is not { } older || to is not { } newer)
            return ApiProblems.BadRequest("from and to (the two version numbers to compare) are required");
        return (await grains.GetGrain<IDutyListGrain>(place.Code).CompareAsync(older, newer)).ToHttp();
    }

    private static async Task<Results<Ok<AdmissionRecord>, ProblemHttpResult>> AdmitTaskAsync(StreetPlace place, TaskBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("department", body.Department, TextRules.MaxId), ("community", body.Community, TextRules.MaxId),
                ("title", body.Title, DutyListGrain.MaxText), ("category", body.Category, TextRules.MaxId), ("item", body.Item, TextRules.MaxId)) is { } tooLong)
            return tooLong;
        var caller = http.Caller();
        if (DutyAccess.DepartmentOf(caller, body.Department) is not { } department)
            return ApiProblems.BadRequest("department is required: the district admin records a task for the department that pushes it down");
        var task = new PushedTask(department, place.Code, body.Community, body.Title ?? "", body.Category, body.Item);
        return (await grains.GetGrain<IDutyListGrain>(place.Code).AdmitAsync(task, Actor.Of(caller))).ToHttp();
    }

    private static async Task<Results<Created<DutyChange>, ProblemHttpResult>> ApplyForChangeAsync(StreetPlace place, ChangeBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("item.code", body.Item?.Code, TextRules.MaxId), ("item.title", body.Item?.Title, DutyListGrain.MaxText),
                ("item.category", body.Item?.Category, TextRules.MaxId), ("item.post", body.Item?.Post, TextRules.MaxId), ("reason", body.Reason, DutyListGrain.MaxText),
                ("assessor", body.Assessor, TextRules.MaxId)) is { } tooLong)
            return tooLong;
        if (body.Action is not { } action || body.Item is not { } item || string.IsNullOrWhiteSpace(item.Code))
            return ApiProblems.BadRequest("action (add, remove, modify) and the item (with its code) are required");
        var outcome = await grains.GetGrain<IDutyListGrain>(place.Code).ApplyAsync(action, item, body.Reason ?? "", body.Assessor ?? "", Actor.Of(http.Caller()));
        return outcome.IsOk ? TypedResults.Created($"/api/duty-changes/{outcome.Value!.Id}", outcome.Value) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }

    private static async Task<Results<Ok<DutyChange>, ProblemHttpResult>> AssessAsync(DutyChangePlace change, AssessBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("assessment", body.Assessment, DutyListGrain.MaxText)) is { } tooLong)
            return tooLong;
        if (body.Favourable is not { } favourable)
            return ApiProblems.BadRequest("favourable (true or false) is required");
        return (await grains.GetGrain<IDutyListGrain>(change.Street.Code).AssessAsync(change.ChangeId, favourable, body.Assessment ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    internal static async Task<Results<Ok<DutyChange>, ProblemHttpResult>> ApproveAsync(DutyChangePlace change, ApproveBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("legalBasis", body.LegalBasis, DutyListGrain.MaxText)) is { } tooLong)
            return tooLong;
        return (await grains.GetGrain<IDutyListGrain>(change.Street.Code).ApproveAsync(change.ChangeId, body.LegalBasis ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    internal static async Task<Results<Ok<DutyChange>, ProblemHttpResult>> RejectAsync(DutyChangePlace change, RejectBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("reason", body.Reason, DutyListGrain.MaxText)) is { } tooLong)
            return tooLong;
        return (await grains.GetGrain<IDutyListGrain>(change.Street.Code).RejectAsync(change.ChangeId, body.Reason ?? "", Actor.Of(http.Caller()))).ToHttp();
    }

    private static async Task<Results<Created<TerritorialAgreement>, ProblemHttpResult>> FileAgreementAsync(StreetPlace place, AgreementBody body, HttpContext http, IGrainFactory grains)
    {
        if (FieldLimits.Refusal(("department", body.Department, TextRules.MaxId), ("item", body.Item, TextRules.MaxId),
                ("primary", body.Primary, DutyListGrain.MaxParty), ("secondary", body.Secondary, DutyListGrain.MaxParty)) is { } tooLong)
            return tooLong;
        var outcome = await grains.GetGrain<IDutyListGrain>(place.Code).FileAgreementAsync(body.Department ?? "", body.Item ?? "", body.Primary ?? "", body.Secondary ?? "", Actor.Of(http.Caller()));
        return outcome.IsOk ? TypedResults.Created($"/api/streets/{place.Code}/agreements", outcome.Value!) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
    }
}
