using System.Reflection;
using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Open311.Http;

/// <summary>
/// The street (街道) a request's <c>jurisdiction_id</c> names, for a caller whose <c>api_key</c> may act there: found once per request by
/// <see cref="Open311Access.FindOnceAsync"/>, for the handler and for the filter of every endpoint that carries residents' words.
/// </summary>
internal sealed record Jurisdiction(IStreet Street, AccessIdentity Caller, string Format, Open311Input Input) : IBindableFromHttpContext<Jurisdiction>
{
    public string Code => Street.Code;

    public static async ValueTask<Jurisdiction?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        (await Open311Access.FindOnceAsync(context)).Jurisdiction;
}
