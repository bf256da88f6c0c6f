using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ModularGov.Duties.Certificates;
using ModularGov.Duties.Contracts;
using ModularGov.Duties.Http;
using ModularGov.Duties.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Duties.Pages;

/// <summary>证明事项 at the counter: the API's check of the resident's words, and the list it checks against with refusal counts.</summary>
internal static class CertificatePages
{
    public static readonly IReadOnlyList<MenuEntry> Menu =
    [
        new("社区", "证明事项查询", caller => caller.Role is Role.CommunityWorker or Role.StreetOperator ? "/certificates" : null, 30),
    ];

    public static void Map(IEndpointRouteBuilder console)
    {
        var certificates = console.MapPlaceGroup<DistrictPlace>("/certificates");
        certificates.MapGet("", (HttpContext http, CertificateList list, IGrainFactory grains) => CounterAsync(http, list, grains, FormState.Blank(), null))
            .Allow(DistrictAccessRules.AnyToken);
        certificates.MapPost("", CheckAsync).Allow(DistrictAccessRules.AnyToken);
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
}
