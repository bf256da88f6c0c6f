using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Http;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Personnel.Pages;

/// <summary>
/// The street's staffing and roster (with the roster as a masked spreadsheet), a person's career, and the district's graduate
/// coverage — each reading through the API's own handlers under the API's own rules.
/// </summary>
internal static class PersonnelPages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("街道", "人员与编制", caller => caller.Role is Role.StreetOperator ? $"/streets/{caller.Scope.StreetCode}/personnel" : null, 45),
        new("区级", "大学生覆盖", caller => caller.Scope.Kind == ScopeKind.District ? "/graduates" : null, 33),
    ];

    /// <summary>How many of the newest ratings and enrolments the street's page shows (the API pages through them all).</summary>
    private const int Latest = 50;

    public static void Map(IEndpointRouteBuilder console)
    {
        var street = console.MapPlaceGroup<StreetPlace>("/streets/{code}");
        street.MapGet("/personnel", (StreetPlace place, HttpContext http, IGrainFactory grains, TimeProvider clock) =>
            StreetAsync(place, http, grains, clock, FormState.Blank(), null)).Allow(StreetAccessRules.Handlers);
        street.MapPost("/personnel/import", ImportAsync).Allow(StreetAccessRules.Office).DisableAntiforgery();
        console.MapPlaceGroup<PersonPlace>("/people/{personId}").MapGet("", PersonAsync).Allow(PersonnelAccess.SeePerson);
        console.MapPlaceGroup<DistrictPlace>("/graduates").MapGet("", GraduatesAsync).Allow(DistrictAccessRules.AnyToken);
    }

    /// <summary>The roster spreadsheet through the API's own handler; the page shows what became of each row, or why the file was refused.</summary>
    private static async Task<IResult> ImportAsync(StreetPlace place, HttpContext http, IGrainFactory grains, IFieldCipher cipher, TimeProvider clock)
    {
        var form = await FormState.ReadAsync(http.Request);
        var answer = await RosterImportEndpoints.ImportAsync(place, http, grains, cipher, clock);
        if (form.Refused(answer))
            return await StreetAsync(place, http, grains, clock, form, null, form.Status(answer));
        return await StreetAsync(place, http, grains, clock, FormState.Blank(), ((Ok<ImportReport>)answer.Result).Value);
    }

    private static async Task<IResult> StreetAsync(StreetPlace place, HttpContext http, IGrainFactory grains, TimeProvider clock, FormState form,
        ImportReport? import, int status = StatusCodes.Status200OK)
    {
        var grain = grains.GetGrain<IPersonnelGrain>(place.Code);
        var people = new List<Person>();
        for (int? after = 0; after is { } from;)
        {
            var page = await grain.ListPeopleAsync(from, Paging.MaxLimit);
            people.AddRange(page.Items);
            after = page.NextAfter;
        }
        var table = new ConsoleTable<PersonSummary>("人员名册", $"/streets/{place.Code}/personnel", RosterColumns.All, people.Select(PersonSummary.Of),
            TableQuery.From(http.Request, defaultSize: 100));
        if (ConsoleTable<PersonSummary>.WantsSpreadsheet(http.Request))
            return table.Spreadsheet($"{place.Code}-roster");
        return ConsolePages.Page<StreetPersonnelPage>(new
        {
            StreetName = place.Street.Profile.Name,
            Staffing = (await PersonnelEndpoints.GetStaffingAsync(place, grains)).Value!,
            Promotions = (await PersonnelEndpoints.GetPromotionsAsync(place, grains)).Value!,
            Secondments = (await PersonnelEndpoints.GetSecondmentsAsync(place, grains)).Value!,
            Names = (IReadOnlyDictionary<string, string>)people.ToDictionary(p => p.Id, p => p.Name),
            Today = clock.Today(),
            Untrained = (await grain.GetUntrainedAsync()).Count,
            Ratings = (await grain.ListLatestRatingsAsync(Latest)).Reverse().ToList(),
            Training = (await grain.ListLatestTrainingAsync(Latest)).Reverse().ToList(),
            Graduates = people.Count(p => p.Active && p.GraduateYear is not null),
            Roster = table,
            Code = place.Code,
            CanImport = StreetAccessRules.Office.Allows(http.Caller(), place),
            Form = form,
            Import = import,
        }, status);
    }

    private static async Task<IResult> PersonAsync(PersonPlace place, IGrainFactory grains) =>
        await grains.GetGrain<IPersonnelGrain>(place.Street.Code).GetPersonAsync(place.PersonId) is { } person
            ? ConsolePages.Page<PersonCareerPage>(new { Career = new PersonCareer(PersonSummary.Of(person), person.Moves) })
            : ApiProblems.NotFound("人员 (person)", place.PersonId);

    private static async Task<IResult> GraduatesAsync(IStreetDirectory streets, IGrainFactory grains) =>
        ConsolePages.Page<GraduatesPage>(new { Coverage = (await PersonnelEndpoints.GetGraduateCoverageAsync(streets, grains)).Value! });
}
