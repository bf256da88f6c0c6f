using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Dispatch.Http;

/// <summary>
/// A case the route names with <c>{caseId}</c> (<c>dc&lt;year&gt;-&lt;number&gt;</c>), read from its grain. A case id
/// names no street, so only the centre learns that a case does not exist; anyone else gets 403 either way. An id that
/// cannot name a case is refused without activating a grain.
/// </summary>
internal sealed partial record CasePlace(CaseView Case) : IPlace<CasePlace>
{
    [GeneratedRegex("^dc[0-9]{4}-[0-9]{5,}$")]
    private static partial Regex CaseId();

    public string Id => Case.Id;

    public static async ValueTask<PlaceLookup<CasePlace>> FindAsync(HttpContext http, AccessIdentity caller)
    {
        var id = http.RouteValue("caseId");
        var view = id.Length <= 20 && CaseId().IsMatch(id)
            ? await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IDispatchCaseGrain>(id).GetAsync()
            : null;
        if (view is not null)
            return new CasePlace(view);
        return DispatchAccess.IsCentre(caller) ? ApiProblems.NotFound("案件", id) : ApiProblems.Forbidden($"case '{id}' is not one of yours");
    }
}
