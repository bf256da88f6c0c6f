using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Burden;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Http;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>
/// 文会督检考: a community's meetings/inspections/forms ledger with its forms, and a street's plaques and burden before and after:
/// each page takes its data from the API's own handlers, under the API's own access rules.
/// </summary>
internal static class BurdenPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("社区", "会议督查报表台账", caller => caller.Role == Role.CommunityWorker ? $"/communities/{caller.Scope.Id}" : null, 31),
        new("街道", "清牌与减负", caller => caller.Role == Role.StreetOperator ? $"/streets/{caller.Scope.Id}/burden" : null, 42),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        var community = console.MapPlaceGroup<CommunityPlace>("/communities/{communityId}");
        community.MapGet("", (CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains) =>
            LedgerAsync(place, http, indicators, grains, FormState.Blank(), null)).Allow(DutyAccess.KeepCommunity);
        community.MapPost("/meetings", RecordMeetingAsync).Allow(DutyAccess.KeepCommunity);
        community.MapPost("/inspections", RecordInspectionAsync).Allow(DutyAccess.KeepCommunity);
        // Narrower than the API's rule (which lets departments send forms too): the form is on the ledger page.
        community.MapPost("/forms", SubmitFormAsync).Allow(DutyAccess.KeepCommunity);

        console.MapPlaceGroup<StreetPlace>("/streets/{code}").MapGet("/burden", StreetBurdenAsync).Allow(StreetAccessRules.InStreet);
    }

    private static async Task<IResult> LedgerAsync(CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains, FormState form, string? sent,
        int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<CommunityLedgerPage>(new
        {
            CommunityId = place.Id,
            CommunityName = place.Community.Name,
            Report = (await BurdenEndpoints.GetBurdenAsync(place, grains)).Value!,
            Indicators = (IReadOnlyList<(string, string)>)indicators.All.Select(i => (i.Code, $"{i.Name}({(i.Period == "quarterly" ? "季报" : "月报")})")).ToList(),
            Form = form,
            Sent = sent,
            Notice = LedgerNotices.For(http.Request.Query["notice"]),
        }, status);


    private static Task<IResult> RecordMeetingAsync(CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains) =>
        LedgerFormAsync(place, http, indicators, grains, CommunityLedgerPage.MeetingForm, "meeting",
            form => form.Require("meetingTitle", "会议名称").Require("convenedBy", "召集单位"), "meetingDate",
            (form, date) => BurdenEndpoints.RecordMeetingAsync(place, new(date, form.Value("meetingTitle"), form.Value("convenedBy"), form.Value("online") == "true"), http, grains));

    private static Task<IResult> RecordInspectionAsync(CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains) =>
        LedgerFormAsync(place, http, indicators, grains, CommunityLedgerPage.InspectionForm, "inspection",
            form => form.Require("unit", "检查单位"), "inspectionDate",
            (form, date) => BurdenEndpoints.RecordInspectionAsync(place, new(date, form.Value("unit"), form.Value("accompanied") == "true"), http, grains));

    private static async Task<IResult> SubmitFormAsync(CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("indicator", "指标").Require("period", "期别").Require("department", "索要部门").Require("value", "数值");
        if (!form.IsValid)
            return await LedgerAsync(place, http, indicators, grains, form, CommunityLedgerPage.ReportForm, StatusCodes.Status400BadRequest);
        var answer = await BurdenEndpoints.SubmitFormAsync(place, new(form.Value("indicator"), form.Value("period"), form.Value("department"), form.Value("value")), http, grains);
        if (form.Refused(answer))
            return await LedgerAsync(place, http, indicators, grains, form, CommunityLedgerPage.ReportForm, form.Status(answer));
        var reused = ((Ok<FormOutcome>)answer.Result).Value!.Reused;
        return TypedResults.Redirect($"/communities/{place.Id}?notice={(reused ? "form-reused" : "form")}");
    }

    /// <summary>A ledger form with a date: checked here for what is missing, then sent to the API's handler; a refusal comes back on the form.</summary>
    private static async Task<IResult> LedgerFormAsync<T>(CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains, string sent, string notice,
        Func<FormState, FormState> require, string dateField, Func<FormState, DateOnly, Task<Results<Ok<T>, ProblemHttpResult>>> record)
    {
        var form = require(await FormState.ReadAsync(http.Request));
        if (!DateOnly.TryParseExact(form.Value(dateField), "yyyy-MM-dd", out var date))
            form.Fail(dateField, "请填写日期(年-月-日)");
        if (!form.IsValid)
            return await LedgerAsync(place, http, indicators, grains, form, sent, StatusCodes.Status400BadRequest);
        var answer = await record(form, date);
        return form.Refused(answer)
            ? await LedgerAsync(place, http, indicators, grains, form, sent, form.Status(answer))
            : TypedResults.Redirect($"/communities/{place.Id}?notice={notice}");
    }

    private static async Task<IResult> StreetBurdenAsync(StreetPlace place, HttpContext http, IGrainFactory grains)
    {
        var reports = (await BurdenEndpoints.StreetBurdenAsync(place, grains)).Value!.Communities;
        var table = new ConsoleTable<BurdenReport>("各社区减负前后", $"/streets/{place.Code}/burden", BurdenColumns.For(place.Street.Profile), reports, TableQuery.From(http.Request));
        if (ConsoleTable<BurdenReport>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-burden");
        return ConsolePages.Page<BurdenPage>(new
        {
            StreetName = place.Street.Profile.Name,
            Plaques = (await BurdenEndpoints.StreetPlaquesAsync(place, grains)).Value!,
            Figures = BurdenFigures.Of(reports),
            Communities = table,
            Weeks = BurdenLedgerGrain.ReportWeeks,
        });
    }
}
