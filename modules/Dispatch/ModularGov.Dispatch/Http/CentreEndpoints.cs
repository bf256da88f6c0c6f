using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Views;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Dispatch.Http;

/// <summary>The centre's own endpoints: hotline import, taking escalations, rankings (评), sanctions (用), classes of case, units.</summary>
internal static class CentreEndpoints
{
    public sealed record SyncResult(int Taken, IReadOnlyList<string> Cases);
    public sealed record FixRequest(string? Measure, string? Owner);

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapPlaceGroup<DistrictPlace>("/dispatch").WithTags("Dispatch");
        group.MapPost("/hotline", ImportHotlineAsync).Allow(DispatchAccess.Centre);
        group.MapPost("/intake/sync", TakeEscalationsAsync).Allow(DispatchAccess.Centre);
        group.MapGet("/rankings/{month}", GetRankingAsync).Allow(DistrictAccessRules.AnyToken);
        group.MapPost("/rankings/{month}/close", CloseMonthAsync).Allow(DispatchAccess.Centre);
        group.MapGet("/sanctions", GetSanctionsAsync).Allow(DistrictAccessRules.AnyToken);
        group.MapGet("/classes", ListClassesAsync).Allow(DispatchAccess.Centre);
        group.MapPost("/classes/{promptId}/standing-fix", SetStandingFixAsync).Allow(DispatchAccess.Centre);
        group.MapGet("/units", ListUnits).Allow(DistrictAccessRules.AnyToken);
    }

    private static async Task<Results<Ok<HotlineImportResult>, ProblemHttpResult>> ImportHotlineAsync(HttpContext http, IGrainFactory grains)
    {
        var csv = http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        using var reader = new StreamReader(http.Request.Body);
        return await ImportAsync(await reader.ReadToEndAsync(), csv, http, grains);
    }

    /// <summary>Takes each record of a hotline document on its own (the API's body, or the console's uploaded file).</summary>
    internal static async Task<Results<Ok<HotlineImportResult>, ProblemHttpResult>> ImportAsync(string document, bool csv, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var (records, error) = HotlineImport.Parse(document, csv);
        if (records is null)
            return ApiProblems.BadRequest(error!);
        var centre = grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var results = new List<HotlineRecordResult>();
        for (var i = 0; i < records.Count; i++)
        {
            var (report, invalid) = HotlineImport.ToCase(records[i], Actor.Of(caller));
            if (report is null)
            {
                results.Add(new(i + 1, records[i].Id, "rejected", null, invalid));
                continue;
            }
            var outcome = await centre.ReceiveAsync(report, $"hotline:{records[i].Id}");
            results.Add(outcome.Value is { } receipt
                ? new(i + 1, records[i].Id, receipt.Replayed ? "replayed" : receipt.Duplicate ? "duplicate" : "created", receipt.CaseId, null)
                : new(i + 1, records[i].Id, "rejected", null, outcome.Reason));
        }
        return TypedResults.Ok(new HotlineImportResult(results.Count(r => r.Outcome == "created"), results.Count(r => r.Outcome == "duplicate"),
            results.Count(r => r.Outcome == "replayed"), results.Count(r => r.Outcome == "rejected"), results));
    }

    private static async Task<Ok<SyncResult>> TakeEscalationsAsync(IGrainFactory grains, IStreetDirectory streets)
    {
        var taken = new List<string>();
        var centre = grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        foreach (var street in streets.All)
        {
            var intake = grains.GetGrain<IDispatchIntakeGrain>(street.Code);
            foreach (var problem in await intake.GetPendingAsync())
            {
                var outcome = await centre.ReceiveAsync(EscalationToCase.ToCase(problem), $"escalation:{problem.ProblemId}");
                if (outcome.Value is { } receipt)
                {
                    await intake.TakeAsync(problem.ProblemId, receipt.CaseId);
                    taken.Add(receipt.CaseId);
                }
                else
                    await intake.RefuseAsync(problem.ProblemId, outcome.Reason!);
            }
        }
        return TypedResults.Ok(new SyncResult(taken.Count, taken));
    }

    internal static async Task<Results<Ok<MonthlyRanking>, ProblemHttpResult>> GetRankingAsync(string month, IGrainFactory grains) =>
        (await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).GetRankingAsync(month)).ToHttp();

    private static async Task<Results<Ok<IReadOnlyList<Sanction>>, ProblemHttpResult>> CloseMonthAsync(string month, HttpContext http, IGrainFactory grains) =>
        (await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).CloseMonthAsync(month, Actor.Of(http.Caller()))).ToHttp();

    internal static async Task<IReadOnlyList<Sanction>> GetSanctionsAsync(int? year, IGrainFactory grains) =>
        await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).GetSanctionsAsync(year);

    private static async Task<Ok<IReadOnlyList<ClassPrompt>>> ListClassesAsync(int? after, int? limit, HttpContext http, IGrainFactory grains)
    {
        var size = Math.Clamp(limit ?? ClassPage.DefaultLimit, 1, ClassPage.MaxLimit);
        var page = await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).GetClassPromptsAsync(Math.Max(0, after ?? 0), size);
        if (page.Next is { } next)
            http.Response.Headers.Link = $"</api/dispatch/classes?after={next}&limit={size}>; rel=\"next\"";
        return TypedResults.Ok(page.Classes);
    }

    private static async Task<Results<Ok<ClassPrompt>, ProblemHttpResult>> SetStandingFixAsync(string promptId, FixRequest body, HttpContext http, IGrainFactory grains) =>
        FieldLimits.Refusal(("measure", body.Measure, DispatchCaseGrain.MaxText), ("owner", body.Owner, TextRules.MaxId)) is { } tooLong ? tooLong
        : (await grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key).SetStandingFixAsync(promptId, body.Measure ?? "", body.Owner ?? "", Actor.Of(http.Caller()))).ToHttp();

    internal static List<UnitInfo> ListUnits(Units units) => units.All.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
}
