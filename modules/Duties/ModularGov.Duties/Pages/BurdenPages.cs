using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Burden;
using ModularGov.Duties.Certificates;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Http;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>
/// The counter's certificate check, a community's plaques and its meetings/inspections/forms ledger, and a street's plaques and
/// burden before and after: each page takes its data from the API's own handlers, under the API's own access rules.
/// </summary>
internal static class BurdenPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("社区", "证明事项查询", caller => caller.Role is Role.CommunityWorker or Role.StreetOperator ? "/certificates" : null, 30),
        new("社区", "会议督查报表台账", caller => caller.Role == Role.CommunityWorker ? $"/communities/{caller.Scope.Id}" : null, 31),
        new("社区", "本社区挂牌", caller => caller.Role == Role.CommunityWorker ? $"/communities/{caller.Scope.Id}/plaques" : null, 32),
        new("街道", "清牌与减负", caller => caller.Role == Role.StreetOperator ? $"/streets/{caller.Scope.Id}/burden" : null, 42),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        var certificates = console.MapPlaceGroup<DistrictPlace>("/certificates");
        certificates.MapGet("", (HttpContext http, CertificateList list, IGrainFactory grains) => CounterAsync(http, list, grains, FormState.Blank(), null))
            .Allow(DistrictAccessRules.AnyToken);
        certificates.MapPost("", CheckAsync).Allow(DistrictAccessRules.AnyToken);

        var community = console.MapPlaceGroup<CommunityPlace>("/communities/{communityId}");
        community.MapGet("", (CommunityPlace place, HttpContext http, Indicators indicators, IGrainFactory grains) =>
            LedgerAsync(place, http, indicators, grains, FormState.Blank(), null)).Allow(DutyAccess.KeepCommunity);
        community.MapGet("/plaques", (CommunityPlace place, HttpContext http, IGrainFactory grains) => PlaquesAsync(place, http, grains, FormState.Blank(), null))
            .Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/plaques", HangPlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/plaques/remove", RemovePlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        community.MapPost("/meetings", RecordMeetingAsync).Allow(DutyAccess.KeepCommunity);
        community.MapPost("/inspections", RecordInspectionAsync).Allow(DutyAccess.KeepCommunity);
        // Narrower than the API's rule (which lets departments send forms too): the form is on the ledger page.
        community.MapPost("/forms", SubmitFormAsync).Allow(DutyAccess.KeepCommunity);

        console.MapPlaceGroup<StreetPlace>("/streets/{code}").MapGet("/burden", StreetBurdenAsync).Allow(StreetAccessRules.InStreet);
    }

    private static async Task<IResult> CounterAsync(HttpContext http, CertificateList list, IGrainFactory grains, FormState form, CertificateCheck? answer,
        int status = StatusCodes.Status200OK)
    {
        var columns = CertificateColumns.With(await BurdenEndpoints.CountRefusalsAsync(list, grains));
        var table = new ConsoleTable<CertificateItem>("不应由社区出具的证明事项", "/certificates", columns, BurdenEndpoints.ListCertificates(list), TableQuery.From(http.Request));
        if (ConsoleTable<CertificateItem>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet("certificates");
        return ConsolePages.Page<CertificateCounterPage>(new { Form = form, Answer = answer, List = table }, status);
    }

    /// <summary>The resident's words go to the API's check, which counts a refusal; the answer is shown under the form.</summary>
    private static async Task<IResult> CheckAsync(HttpContext http, CertificateList list, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("words", "居民的原话");
        if (!form.IsValid)
            return await CounterAsync(http, list, grains, form, null, StatusCodes.Status400BadRequest);
        var answer = await BurdenEndpoints.CheckCertificateAsync(form.Value("words"), list, grains);
        if (form.Refused(answer))
            return await CounterAsync(http, list, grains, form, null, form.Status(answer));
        return await CounterAsync(http, list, grains, form, ((Ok<CertificateCheck>)answer.Result).Value);
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

    private static async Task<IResult> PlaquesAsync(CommunityPlace place, HttpContext http, IGrainFactory grains, FormState form, string? sent,
        int status = StatusCodes.Status200OK)
    {
        var register = grains.GetGrain<IPlaqueRegisterGrain>(place.Id);
        var removed = await AllPages.ReadAsync(register.ListRemovedAsync);
        var table = new ConsoleTable<Plaque>("已清理牌子", $"/communities/{place.Id}/plaques", PlaqueColumns.Removed, removed, TableQuery.From(http.Request));
        if (ConsoleTable<Plaque>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Id}-plaques-removed");
        return ConsolePages.Page<PlaquesPage>(new
        {
            CommunityId = place.Id,
            CommunityName = place.Community.Name,
            Register = (await BurdenEndpoints.GetPlaquesAsync(place, grains)).Value!,
            Removed = table,
            Form = form,
            Sent = sent,
        }, status);
    }

    /// <summary>Who hangs the plaque is the caller (the API's handler says so from the session), never a field of the form.</summary>
    private static async Task<IResult> HangPlaqueAsync(CommunityPlace place, HttpContext http, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("kind", "类型").Require("title", "名称");
        PlaqueKind? kind = form.Value("kind") switch { "sign" => PlaqueKind.Sign, "marker" => PlaqueKind.Marker, _ => null };
        if (form.IsValid && kind is null)
            form.Fail("kind", "请选择标牌或标识");
        if (!form.IsValid)
            return await PlaquesAsync(place, http, grains, form, PlaquesPage.HangForm, StatusCodes.Status400BadRequest);
        var answer = await BurdenEndpoints.HangPlaqueAsync(place, new(kind, form.Value("title")), http, grains);
        return form.Refused(answer)
            ? await PlaquesAsync(place, http, grains, form, PlaquesPage.HangForm, form.Status(answer))
            : TypedResults.Redirect($"/communities/{place.Id}/plaques");
    }

    /// <summary>谁悬挂谁清理: the register refuses anyone but whoever hung the plaque; the refusal comes back on the form.</summary>
    private static async Task<IResult> RemovePlaqueAsync(CommunityPlace place, HttpContext http, IGrainFactory grains)
    {
        var form = (await FormState.ReadAsync(http.Request)).Require("plaque", "牌子");
        if (!form.IsValid)
            return await PlaquesAsync(place, http, grains, form, PlaquesPage.RemoveForm, StatusCodes.Status400BadRequest);
        var answer = await BurdenEndpoints.RemovePlaqueAsync(place, form.Value("plaque"), new(form.Optional("campaign")), http, grains);
        return form.Refused(answer)
            ? await PlaquesAsync(place, http, grains, form, PlaquesPage.RemoveForm, form.Status(answer))
            : TypedResults.Redirect($"/communities/{place.Id}/plaques");
    }

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
