using ModularGov.Host.Web.Audit;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Web;

/// <summary>
/// The console at <c>/</c>: the home page of the caller's role, and every module's pages in one group whose access is declared
/// exactly as the API's is (a place group and one rule per page); a page a caller may not open answers a 403 page.
/// </summary>
internal static class ConsoleEndpoints
{
    private static readonly AccessRule<DistrictPlace> AnyoneSignedIn = new("任何已登录的人 (anyone signed in)", (_, _) => true);

    public static void Map(WebApplication app, IReadOnlyList<IModule> modules)
    {
        var console = app.MapGroup("").ExcludeFromDescription().WithTags("Console");
        console.AddEndpointFilter(ConsoleGate.FilterAsync);
        console.RequireDeclaredAccess();

        var home = console.MapPlaceGroup<DistrictPlace>("")
            .WithMetadata(new OpenToRole(Role.SecurityAdmin), new OpenToRole(Role.AuditAdmin));
        home.MapGet("/", Home).Allow(AnyoneSignedIn);
        AuditPages.Map(console);
        foreach (var module in modules)
            module.MapPages(console);
    }

    private static IResult Home(HttpContext http, TimeProvider clock) =>
        ConsolePages.Page<HomePage>(new { Caller = http.Caller(), Today = ChineseFormat.Date(clock.Today()) });
}
