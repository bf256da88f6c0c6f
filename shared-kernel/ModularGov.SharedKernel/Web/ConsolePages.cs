using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ModularGov.SharedKernel.Web;

/// <summary>
/// Console pages are Razor components rendered on the server, one request one page (no circuit, no page state in the browser);
/// a module maps them in its <see cref="Modules.IModule.MapPages"/> with the same place groups and access rules as its API.
/// </summary>
public static class ConsolePages
{
    public static RazorComponentResult<TPage> Page<TPage>(object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };
}
