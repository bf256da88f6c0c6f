using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Http;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>
/// A street's duty list and its versions, the tasks pushed down to it and refused, and the district's approval of list changes:
/// each page takes its data from the API's own handlers, under the API's own access rules.
/// </summary>
internal static class DutyPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("街道", "权责清单", caller => caller.Role is Role.StreetOperator or Role.CommunityWorker ? $"/streets/{caller.Scope.StreetCode}/duties" : null, 40),
        new("街道", "下沉任务与拒绝", caller => caller.Role == Role.StreetOperator ? $"/streets/{caller.Scope.Id}/tasks" : null, 41),
        new("区级", "职责清单变更审批", caller => caller.IsDistrictAdmin ? "/duty-changes" : null, 30),
    ];

    /// <summary>How many of a street's newest list changes its duty list page shows.</summary>
    private const int RecentChanges = 20;

    public static void Map(IEndpointRouteBuilder console)
    {
        var street = console.MapPlaceGroup<StreetPlace>("/streets/{code}");
        street.MapGet("/duties", (StreetPlace place, HttpContext http, IGrainFactory grains) => ListAsync(place, null, http, grains))
            .Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapGet("/duties/versions/{version:int}", (StreetPlace place, int version, HttpContext http, IGrainFactory grains) => ListAsync(place, version, http, grains))
            .Allow(StreetAccessRules.InStreetOrDepartments);
        street.MapGet("/tasks", TasksAsync).Allow(StreetAccessRules.InStreet);

        console.MapPlaceGroup<DistrictPlace>("/duty-changes").MapGet("", (IStreetDirectory streets, IGrainFactory grains) =>
            ChangesAsync(streets, grains, FormState.Blank(), null)).Allow(DistrictAccessRules.DistrictAdmin);
        var change = console.MapPlaceGroup<DutyChangePlace>("/duty-changes/{changeId}");
        change.MapPost("/approve", (DutyChangePlace place, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(place, http, streets, grains, DutyChangesPage.Approve, "赋权依据",
                text => DutyEndpoints.ApproveAsync(place, new(text), http, grains))).Allow(DutyAccess.Decide);
        change.MapPost("/reject", (DutyChangePlace place, HttpContext http, IStreetDirectory streets, IGrainFactory grains) =>
            DecideAsync(place, http, streets, grains, DutyChangesPage.Reject, "不予批准的理由",
                text => DutyEndpoints.RejectAsync(place, new(text), http, grains))).Allow(DutyAccess.Decide);
    }

    /// <summary>A version of the list (the current one when none is named), what it changed from the one before, and its table.</summary>
    private static async Task<IResult> ListAsync(StreetPlace place, int? version, HttpContext http, IGrainFactory grains)
    {
        var current = (await DutyEndpoints.GetCurrentAsync(place, grains)).Value!;
        var shown = current;
        if (version is { } asked)
        {
            var found = await DutyEndpoints.GetVersionAsync(place, asked, grains);
            if (found.Result is ProblemHttpResult missing)
                return missing;
            shown = ((Ok<DutyListVersion>)found.Result).Value!;
        }
        var diff = shown.Version > 1 && (await DutyEndpoints.CompareAsync(place, shown.Version - 1, shown.Version, grains)).Result is Ok<DutyListDiff> compared
            ? compared.Value
            : null;
        var path = version is null ? $"/streets/{place.Code}/duties" : $"/streets/{place.Code}/duties/versions/{shown.Version}";
        var table = new ConsoleTable<DutyItem>("清单事项", path, DutyColumns.Items(shown.Posts), shown.Items, TableQuery.From(http.Request, defaultSize: 100));
        if (ConsoleTable<DutyItem>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-duties-v{shown.Version}");
        return ConsolePages.Page<DutyListPage>(new
        {
            Street = place.Code,
            StreetName = place.Street.Profile.Name,
            List = shown,
            Current = current.Version,
            Diff = diff,
            Items = table,
            Changes = await RecentChangesAsync(place.Code, grains),
        });
    }

    private static async Task<IReadOnlyList<DutyChange>> RecentChangesAsync(string street, IGrainFactory grains)
    {
        var changes = await AllPages.ReadAsync(grains.GetGrain<IDutyListGrain>(street).ListChangesAsync);
        return changes.Reverse().Take(RecentChanges).ToList();
    }

    private static async Task<IResult> TasksAsync(StreetPlace place, HttpContext http, IGrainFactory grains)
    {
        var tasks = await AllPages.ReadAsync(grains.GetGrain<IDutyListGrain>(place.Code).ListTasksAsync);
        var table = new ConsoleTable<AdmissionRecord>("下派任务", $"/streets/{place.Code}/tasks", DutyColumns.Tasks, tasks.Reverse(), TableQuery.From(http.Request));
        if (ConsoleTable<AdmissionRecord>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-tasks");
        return ConsolePages.Page<TasksPage>(new
        {
            StreetName = place.Street.Profile.Name,
            Departments = (await DutyEndpoints.GetRefusalsAsync(place, grains)).Value!,
            Tasks = table,
        });
    }

    private static async Task<IResult> ChangesAsync(IStreetDirectory streets, IGrainFactory grains, FormState form, string? sent, int status = StatusCodes.Status200OK)
    {
        var pending = new List<StreetChanges>();
        foreach (var street in streets.All)
        {
            var list = grains.GetGrain<IDutyListGrain>(street.Code);
            var changes = await AllPages.ReadAsync(list.ListChangesAsync);
            pending.Add(new StreetChanges(street.Code, street.Profile.Name, (await list.GetCurrentAsync()).Version,
                changes.Where(c => c.Status == ChangeStatus.Assessed).ToList(), changes.Where(c => c.Status == ChangeStatus.Applied).ToList()));
        }
        return ConsolePages.Page<DutyChangesPage>(new { Streets = pending, Form = form, Sent = sent }, status);
    }

    /// <summary>依法赋权: the legal basis (or the reason to reject) goes to the API's handler; a refusal comes back on that change's form.</summary>
    private static async Task<IResult> DecideAsync(DutyChangePlace change, HttpContext http, IStreetDirectory streets, IGrainFactory grains, string decision,
        string label, Func<string, Task<Results<Ok<DutyChange>, ProblemHttpResult>>> decide)
    {
        var field = DutyChangesPage.Field(change.ChangeId, decision);
        var form = (await FormState.ReadAsync(http.Request)).Require(field, label);
        var sent = $"{change.ChangeId}/{decision}";
        if (!form.IsValid)
            return await ChangesAsync(streets, grains, form, sent, StatusCodes.Status400BadRequest);
        var answer = await decide(form.Value(field));
        return form.Refused(answer)
            ? await ChangesAsync(streets, grains, form, sent, form.Status(answer))
            : TypedResults.Redirect("/duty-changes");
    }
}
