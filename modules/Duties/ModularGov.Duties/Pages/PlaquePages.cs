using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>清牌: a community's plaques now and taken down, hung and taken down through the API's handlers under its rules.</summary>
internal static class PlaquePages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("社区", "本社区挂牌", caller => caller.Role == Role.CommunityWorker ? $"/communities/{caller.Scope.Id}/plaques" : null, 32),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        var plaques = console.MapPlaceGroup<CommunityPlace>("/communities/{communityId}/plaques");
        plaques.MapGet("", (CommunityPlace place, HttpContext http, IGrainFactory grains) => PlaquesAsync(place, http, grains, FormState.Blank(), null))
            .Allow(DutyAccess.KeepCommunityOrDepartments);
        plaques.MapPost("", HangPlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
        plaques.MapPost("/remove", RemovePlaqueAsync).Allow(DutyAccess.KeepCommunityOrDepartments);
    }

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
}
