using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Request size limits, smaller than Kestrel's defaults because no request of this API carries more than a
/// few kilobytes: <c>Kestrel:Limits:MaxRequestBodySize</c> (default 1 MiB, answered with 413) and
/// <c>Kestrel:Limits:MaxRequestHeadersTotalSize</c> (default 32 KiB, answered with 431).
/// </summary>
internal static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;
    public const int DefaultMaxHeaderBytes = 32 * 1024;

    public static void Apply(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? DefaultMaxBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = configuration.GetValue<int?>("Kestrel:Limits:MaxRequestHeadersTotalSize") ?? DefaultMaxHeaderBytes;
    }
}
