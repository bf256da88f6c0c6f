using Microsoft.AspNetCore.Http;

namespace ModularGov.SharedKernel.Access;

public static class HttpCallerExtensions
{
    /// <summary>The authenticated caller; every endpoint under <c>/api</c> has one.</summary>
    public static AccessIdentity Caller(this HttpContext context) =>
        context.Features.Get<AccessIdentity>() ?? throw new InvalidOperationException("the endpoint is not behind authentication");
}
