using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Http;
using ModularGov.Dispatch.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>
/// A case's page and its steps: each form's fields go to the API's own handler for the step; a missing field comes back beside
/// the field, a refusal (a step out of order, an unknown unit) on the form, with what was typed.
/// </summary>
internal static class CasePages
{
    public static IResult Show(CasePlace place, HttpContext http, DispatchNames names) => Page(place, http, names, FormState.Blank(), null);

    public static IResult Record(CasePlace place, DispatchNames names) => ConsolePages.Page<CaseRecord>(new { Case = place.Case, Names = names });

    public static Task<IResult> VerifyAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Verify, f => f.Require("findings", "核实情况").Require("cause", "问题原因"),
            f => CaseEndpoints.VerifyAsync(place, new(f.Value("findings"), f.Value("cause")), http, grains));

    public static Task<IResult> DeliberateAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Deliberate, f => f.Require("lead", "主办单位"),
            f => CaseEndpoints.DeliberateAsync(place, new(f.Value("lead"), CaseForms.Many(f, "assisting").ToList(), f.Optional("urgency")), http, grains));

    public static Task<IResult> ReferAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Refer, f => f.Require("reason", "提请理由"),
            f => CaseEndpoints.ReferUpAsync(place, new(f.Value("reason")), http, grains));

    public static Task<IResult> CoordinateAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Coordinate,
            f => (CaseForms.Many(f, "units").Count == 0 ? f.Fail("units", "请选择召集单位") : f).Require("coordinateNote", "协调事项"),
            f => CaseEndpoints.CoordinateAsync(place, new(CaseForms.Many(f, "units").ToList(), f.Value("coordinateNote")), http, grains));

    public static Task<IResult> DecideAppealAsync(CasePlace place, string unit, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Decide(unit), f => f.Require($"upheld-{unit}", "申诉决定").Require($"decision-{unit}", "决定理由"),
            f => CaseEndpoints.DecideAppealAsync(place, unit,
                new(f.Value($"upheld-{unit}") == "true", f.Optional($"newLead-{unit}"), f.Value($"decision-{unit}")), http, grains));

    public static Task<IResult> AppealAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Appeal, f => f.Require("reasons", "申诉理由"),
            f => CaseEndpoints.AppealAsync(place, new(f.Value("reasons")), http, grains));

    public static Task<IResult> ProgressAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Progress, f => f.Require("progressNote", "办理进展"),
            f => CaseEndpoints.ReportProgressAsync(place, new(f.Value("progressNote")), http, grains));

    /// <summary>确认办结: the community the case came from confirms it is done (the residents' side of 评).</summary>
    public static Task<IResult> ConfirmAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Confirm, f => f.Require("confirmNote", "确认说明"),
            f => CaseEndpoints.ConfirmAsync(place, new(f.Value("confirmNote")), http, grains));

    /// <summary>满意度评价: the community rates the closed case from 1 to 5, which the monthly ranking counts.</summary>
    public static Task<IResult> EvaluateAsync(CasePlace place, HttpContext http, IGrainFactory grains, DispatchNames names) =>
        StepAsync(place, http, names, CaseActions.Evaluate, f => f.Require("satisfaction", "满意度"),
            f => CaseEndpoints.EvaluateAsync(place, new(int.TryParse(f.Value("satisfaction"), out var rating) ? rating : 0, f.Optional("evaluateNote")), http, grains));

    private static async Task<IResult> StepAsync(CasePlace place, HttpContext http, DispatchNames names, string action,
        Func<FormState, FormState> check, Func<FormState, Task<Results<Ok<CaseView>, ProblemHttpResult>>> step)
    {
        var form = check(await FormState.ReadAsync(http.Request));
        if (!form.IsValid)
            return Page(place, http, names, form, action, StatusCodes.Status400BadRequest);
        var answer = await step(form);
        return form.Refused(answer) ? Page(place, http, names, form, action, form.Status(answer)) : TypedResults.Redirect($"/dispatch/cases/{place.Id}");
    }

    private static IResult Page(CasePlace place, HttpContext http, DispatchNames names, FormState form, string? posted, int status = StatusCodes.Status200OK)
    {
        var caller = http.Caller();
        var steering = DispatchAccess.CentreStep.Allows(caller, place);
        return ConsolePages.Page<CasePage>(new
        {
            Case = place.Case,
            Names = names,
            Form = form,
            Posted = posted,
            Steering = steering,
            Unit = DispatchAccess.AssignedUnit.Allows(caller, place) ? DispatchAccess.UnitOf(caller) : null,
            Community = DispatchAccess.OriginatingCommunity.Allows(caller, place),
            Back = steering ? BoardViews.Path(BoardViews.Everything)
                : DispatchAccess.UnitOf(caller) is not null ? "/dispatch/unit"
                : DispatchAccess.Local.Allows(caller, DistrictPlace.Instance) ? "/dispatch/local" : null,
        }, status);
    }
}
