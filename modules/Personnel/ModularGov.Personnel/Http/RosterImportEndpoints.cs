using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Roster;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Http;

/// <summary>
/// <c>POST /api/streets/{code}/roster/import</c>: the roster from the spreadsheet a street office keeps (.xlsx, as the body or a
/// form's <c>file</c>), answered row by row. A file that cannot be read is refused whole and nothing is imported.
/// </summary>
internal static class RosterImportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var street = api.MapPlaceGroup<StreetPlace>("/streets/{code}").WithTags("Personnel");
        // No Accepts metadata: it would make routing answer another content type with 415 before the access rule runs.
        street.MapPost("/roster/import", ImportAsync).Allow(StreetAccessRules.Office).DisableAntiforgery()
            .WithDescription("The body is the .xlsx file itself, or a multipart form with the file in the field 'file'.");
    }

    internal static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(StreetPlace street, HttpContext http, IGrainFactory grains,
        IFieldCipher cipher, TimeProvider clock)
    {
        using var file = new MemoryStream();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            if (form.Files.GetFile("file") is not { } upload)
                return ApiProblems.BadRequest("the form has no file field 'file' (请选择要导入的 .xlsx 文件)");
            await upload.CopyToAsync(file);
        }
        else
            await http.Request.Body.CopyToAsync(file);
        file.Position = 0;
        var (sheet, refusal) = RosterSheet.Parse(file, street.Street, clock.Today(), cipher);
        if (sheet is null)
            return ApiProblems.BadRequest($"{refusal};未导入任何数据 (nothing was imported)");
        var applied = sheet.Rows.Count == 0 ? [] : await grains.GetGrain<IPersonnelGrain>(street.Code).ImportAsync(sheet.Rows, Actor.Of(http.Caller()));
        var rows = applied.Concat(sheet.Rejected).OrderBy(r => r.Line).ToList();
        return TypedResults.Ok(new ImportReport(rows.Count(r => r.Outcome == RowOutcome.Created), rows.Count(r => r.Outcome == RowOutcome.Updated),
            rows.Count(r => r.Outcome == RowOutcome.Rejected), rows));
    }
}
