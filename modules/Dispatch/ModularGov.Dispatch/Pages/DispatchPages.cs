using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModularGov.Dispatch.Cases;
using ModularGov.Dispatch.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Web;
using ModularGov.SharedKernel.Web.Live;

namespace ModularGov.Dispatch.Pages;

/// <summary>
/// The dispatch centre's console pages (调度台, a case with its history and steps, hotline import, the district's overview and
/// its wall screen) and a department's (its cases, appeal, progress). Each page takes its data from the API's own handlers,
/// under the API's own access rules; the menu shows a page to exactly those its rule lets in.
/// </summary>
internal static class DispatchPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("调度中心", "调度台", caller => Centre(caller, BoardViews.Path(BoardViews.Everything)), 30),
        new("调度中心", "热线工单导入", caller => Centre(caller, "/dispatch/hotline"), 31),
        new("区级", "区级总览", caller => Centre(caller, "/dispatch/overview"), 10),
        new("区级", "调度大屏", caller => Centre(caller, "/dispatch/screen"), 11),
        new("部门", "承办案件", caller => DispatchAccess.Department.Allows(caller, DistrictPlace.Instance) ? "/dispatch/unit" : null, 10),
        new("案件", "本辖区案件", caller => DispatchAccess.Local.Allows(caller, DistrictPlace.Instance) ? "/dispatch/local" : null, 40),
    ];

    private static string? Centre(AccessIdentity caller, string path) =>
        DispatchAccess.Centre.Allows(caller, DistrictPlace.Instance) ? path : null;

    public static void Map(IEndpointRouteBuilder console)
    {
        var centre = console.MapPlaceGroup<DistrictPlace>("/dispatch");
        centre.MapGet("/board/{view}", BoardPages.BoardAsync).Allow(DispatchAccess.Centre);
        centre.MapGet("/hotline", HotlinePages.Form).Allow(DispatchAccess.Centre);
        centre.MapPost("/hotline", HotlinePages.ImportAsync).Allow(DispatchAccess.Centre);
        centre.MapGet("/overview", OverviewPages.OverviewAsync).Allow(DispatchAccess.Centre);
        centre.MapGet("/screen", OverviewPages.ScreenAsync).Allow(DispatchAccess.Centre);
        centre.MapGet("/streets", OverviewPages.StreetsAsync).Allow(DispatchAccess.Centre);
        centre.MapGet("/live", (HttpContext http, ILiveStreams live) => live.Listen(http, LiveTopics.District)).Allow(DispatchAccess.Centre);
        centre.MapGet("/unit", BoardPages.UnitAsync).Allow(DispatchAccess.Department);
        centre.MapGet("/local", BoardPages.LocalAsync).Allow(DispatchAccess.Local);
        centre.MapGet("/unit/live", (HttpContext http, ILiveStreams live) => live.Listen(http, CaseSignals.Unit(DispatchAccess.UnitOf(http.Caller())!)))
            .Allow(DispatchAccess.Department);

        var @case = console.MapPlaceGroup<CasePlace>("/dispatch/cases/{caseId}");
        @case.MapGet("", CasePages.Show).Allow(DispatchAccess.ReadCase);
        @case.MapGet("/record", CasePages.Record).Allow(DispatchAccess.ReadCase);
        @case.MapGet("/live", (CasePlace place, HttpContext http, ILiveStreams live) => live.Listen(http, LiveTopics.Case(place.Id))).Allow(DispatchAccess.ReadCase);
        @case.MapPost("/verify", CasePages.VerifyAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/deliberate", CasePages.DeliberateAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/refer", CasePages.ReferAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/coordinate", CasePages.CoordinateAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/appeals/{unit}/decide", CasePages.DecideAppealAsync).Allow(DispatchAccess.CentreStep);
        @case.MapPost("/appeal", CasePages.AppealAsync).Allow(DispatchAccess.AssignedUnit);
        @case.MapPost("/progress", CasePages.ProgressAsync).Allow(DispatchAccess.AssignedUnit);
        @case.MapPost("/confirm", CasePages.ConfirmAsync).Allow(DispatchAccess.OriginatingCommunity);
        @case.MapPost("/evaluate", CasePages.EvaluateAsync).Allow(DispatchAccess.OriginatingCommunity);
    }
}
