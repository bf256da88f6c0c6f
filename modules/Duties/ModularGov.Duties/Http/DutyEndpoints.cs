using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Lists;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Rules;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Duties.Http;

/// <summary>权责清单: versions and their comparison, admission of pushed-down tasks, list changes, territorial agreements.</summary>
internal static class DutyEndpoints
{
    public sealed record TaskBody(string? Department, string? Community, string? Title, string? Category, string? Item);
    public sealed record ChangeBody(ChangeAction? Action, DutyItem? Item, string? Reason);
    public sealed record AssessBody(bool? Favourable, string? Assessment);
    public sealed record ApproveBody(string? LegalBasis);
    public sealed record AgreementBody(string? Department, string? Item, string? Primary, string? Secondary);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Duties");

        group.MapGet("/streets/{code}/duties", async Task<Results<Ok<DutyListVersion>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.SeeStreet(http.Caller(), streets, code, departmentsToo: true) is { } refused ? refused : TypedResults.Ok(await grains.GetGrain<IDutyListGrain>(code).GetCurrentAsync()));

        group.MapGet("/streets/{code}/duties/versions/{version:int}", async Task<Results<Ok<DutyListVersion>, ProblemHttpResult>> (string code, int version, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (DutyAccess.SeeStreet(http.Caller(), streets, code, departmentsToo: true) is { } refused)
                return refused;
            var found = await grains.GetGrain<IDutyListGrain>(code).GetVersionAsync(version);
            return found is null ? ApiProblems.NotFound("清单版本", $"{code} v{version}") : TypedResults.Ok(found);
        });

        group.MapGet("/streets/{code}/duties/compare", async Task<Results<Ok<DutyListDiff>, ProblemHttpResult>> (string code, int? from, int? to, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (DutyAccess.SeeStreet(http.Caller(), streets, code, departmentsToo: true) is { } refused)
                return refused;
            if (from is not { } older || to is not { } newer)
                return ApiProblems.BadRequest("from and to (the two version numbers to compare) are required");
            return (await grains.GetGrain<IDutyListGrain>(code).CompareAsync(older, newer)).ToHttp();
        });

        group.MapPost("/streets/{code}/tasks", async Task<Results<Ok<AdmissionRecord>, ProblemHttpResult>> (string code, TaskBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("department", body.Department, TextRules.MaxId), ("community", body.Community, TextRules.MaxId),
                    ("title", body.Title, DutyListGrain.MaxText), ("category", body.Category, TextRules.MaxId), ("item", body.Item, TextRules.MaxId)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (streets.Find(code) is null)
                return ApiProblems.NotFound("街道", code);
            if (DutyAccess.DepartmentOf(caller, body.Department) is not { } department)
                return ApiProblems.Forbidden("tasks are pushed down by a department (or recorded by the district admin naming the department)");
            var task = new PushedTask(department, code, body.Community, body.Title ?? "", body.Category, body.Item);
            return (await grains.GetGrain<IDutyListGrain>(code).AdmitAsync(task, Actor.Of(caller))).ToHttp();
        });

        group.MapGet("/streets/{code}/tasks", async Task<Results<Ok<IReadOnlyList<AdmissionRecord>>, ProblemHttpResult>> (
            string code, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.SeeStreet(http.Caller(), streets, code) is { } refused ? refused
            : await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(code).ListTasksAsync(page.After, page.Limit)));

        group.MapGet("/streets/{code}/refusals", async Task<Results<Ok<IReadOnlyList<DepartmentTasks>>, ProblemHttpResult>> (string code, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.SeeStreet(http.Caller(), streets, code) is { } refused ? refused : TypedResults.Ok(await grains.GetGrain<IDutyListGrain>(code).GetTasksByDepartmentAsync()));

        group.MapPost("/streets/{code}/duty-changes", async Task<Results<Created<DutyChange>, ProblemHttpResult>> (string code, ChangeBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("item.code", body.Item?.Code, TextRules.MaxId), ("item.title", body.Item?.Title, DutyListGrain.MaxText),
                    ("item.category", body.Item?.Category, TextRules.MaxId), ("item.post", body.Item?.Post, TextRules.MaxId), ("reason", body.Reason, DutyListGrain.MaxText)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (DutyAccess.SeeStreet(caller, streets, code) is { } refused)
                return refused;
            if (!caller.ManagesStreet(code) && !(caller.Role == Role.CommunityWorker && caller.Scope.StreetCode == code))
                return ApiProblems.Forbidden("基层点单: changes are applied for by the street office or its communities");
            if (body.Action is not { } action || body.Item is not { } item || string.IsNullOrWhiteSpace(item.Code))
                return ApiProblems.BadRequest("action (add, remove, modify) and the item (with its code) are required");
            var outcome = await grains.GetGrain<IDutyListGrain>(code).ApplyAsync(action, item, body.Reason ?? "", Actor.Of(caller));
            return outcome.IsOk ? TypedResults.Created($"/api/duty-changes/{outcome.Value!.Id}", outcome.Value) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
        });

        group.MapGet("/streets/{code}/duty-changes", async Task<Results<Ok<IReadOnlyList<DutyChange>>, ProblemHttpResult>> (
            string code, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.SeeStreet(http.Caller(), streets, code, departmentsToo: true) is { } refused ? refused
            : await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(code).ListChangesAsync(page.After, page.Limit)));

        group.MapPost("/duty-changes/{changeId}/assess", async Task<Results<Ok<DutyChange>, ProblemHttpResult>> (
            string changeId, AssessBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("assessment", body.Assessment, DutyListGrain.MaxText)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (caller.Role != Role.DepartmentStaff)
                return ApiProblems.Forbidden("部门评估: a change is assessed by a department");
            if (body.Favourable is not { } favourable)
                return ApiProblems.BadRequest("favourable (true or false) is required");
            if (StreetAccess.ServedStreetOf(streets, changeId) is not { } street)
                return ApiProblems.NotFound("职责清单变更 (duty list change)", changeId);
            return (await grains.GetGrain<IDutyListGrain>(street).AssessAsync(changeId, favourable, body.Assessment ?? "", Actor.Of(caller))).ToHttp();
        });

        group.MapPost("/duty-changes/{changeId}/approve", async Task<Results<Ok<DutyChange>, ProblemHttpResult>> (
            string changeId, ApproveBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("legalBasis", body.LegalBasis, DutyListGrain.MaxText)) is { } tooLong)
                return tooLong;
            if (http.Caller().Role != Role.DistrictAdmin)
                return ApiProblems.Forbidden("依法赋权: a change is approved by the district, with its legal basis");
            if (StreetAccess.ServedStreetOf(streets, changeId) is not { } street)
                return ApiProblems.NotFound("职责清单变更 (duty list change)", changeId);
            return (await grains.GetGrain<IDutyListGrain>(street).ApproveAsync(changeId, body.LegalBasis ?? "", Actor.Of(http.Caller()))).ToHttp();
        });

        group.MapPost("/streets/{code}/agreements", async Task<Results<Created<TerritorialAgreement>, ProblemHttpResult>> (string code, AgreementBody body, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
        {
            if (FieldLimits.Refusal(("department", body.Department, TextRules.MaxId), ("item", body.Item, TextRules.MaxId),
                    ("primary", body.Primary, DutyListGrain.MaxParty), ("secondary", body.Secondary, DutyListGrain.MaxParty)) is { } tooLong)
                return tooLong;
            var caller = http.Caller();
            if (streets.Find(code) is null)
                return ApiProblems.NotFound("街道", code);
            if (!caller.ManagesStreet(code))
                return ApiProblems.Forbidden("an agreement is filed by the street office or the district");
            var outcome = await grains.GetGrain<IDutyListGrain>(code).FileAgreementAsync(body.Department ?? "", body.Item ?? "", body.Primary ?? "", body.Secondary ?? "", Actor.Of(caller));
            return outcome.IsOk ? TypedResults.Created($"/api/streets/{code}/agreements", outcome.Value!) : ApiProblems.From(outcome.Refusal!.Value, outcome.Reason!);
        });

        group.MapGet("/streets/{code}/agreements", async Task<Results<Ok<IReadOnlyList<TerritorialAgreement>>, ProblemHttpResult>> (
            string code, string? after, string? limit, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DutyAccess.SeeStreet(http.Caller(), streets, code, departmentsToo: true) is { } refused ? refused
            : await Paging.PageAsync(http, after, limit, page => grains.GetGrain<IDutyListGrain>(code).ListAgreementsAsync(page.After, page.Limit)));
    }
}
