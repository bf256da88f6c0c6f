using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.Dispatch.Http;
using ModularGov.Dispatch.Views;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>
/// 12345 hotline import by file upload: the file goes to the API's own import, which takes each record on its own, and the page
/// shows each record's outcome. Sending the same file again creates nothing new (each record is keyed by its hotline id).
/// </summary>
internal static class HotlinePages
{
    /// <summary>Room for <see cref="HotlineImport.MaxRecords"/> records at their longest, in UTF-8 Chinese.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public static IResult Form() => Page(FormState.Blank(), null);

    public static async Task<IResult> ImportAsync(HttpContext http, IGrainFactory grains)
    {
        var form = await FormState.ReadAsync(http.Request);
        var file = http.Request.HasFormContentType ? http.Request.Form.Files.GetFile("file") : null;
        var csv = file is not null && (file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.ContentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase));
        var json = file is not null && (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));
        if (file is null || file.Length == 0)
            form.Fail("file", "请选择工单文件");
        else if (file.Length > MaxBytes)
            form.Fail("file", $"文件不能超过 {MaxBytes / 1024 / 1024} MB");
        else if (!csv && !json)
            form.Fail("file", "请上传 .csv 或 .json 文件");
        if (!form.IsValid)
            return Page(form, null, StatusCodes.Status400BadRequest);
        using var reader = new StreamReader(file!.OpenReadStream());
        var answer = await CentreEndpoints.ImportAsync(await reader.ReadToEndAsync(), csv, http, grains);
        if (form.Refused(answer))
            return Page(form, null, form.Status(answer));
        return Page(FormState.Blank(), ((Ok<HotlineImportResult>)answer.Result).Value);
    }

    private static IResult Page(FormState form, HotlineImportResult? result, int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<HotlinePage>(new { Form = form, Result = result, MaxRecords = HotlineImport.MaxRecords }, status);
}
