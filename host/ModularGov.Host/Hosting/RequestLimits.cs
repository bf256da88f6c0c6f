using Microsoft.AspNetCore.Server.Kestrel.Core;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>Kestrel:Limits</c>: request size limits, smaller than Kestrel's defaults because no request
/// of this API carries more than a few kilobytes: <see cref="MaxRequestBodySize"/> (default 1 MiB, answered with 413) and
/// <see cref="MaxRequestHeadersTotalSize"/> (default 32 KiB, answered with 431).
/// </summary>
internal sealed class RequestLimits : ICheckedOptions
{
    public const string Section = "Kestrel:Limits";

    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(MaxRequestBodySize), MaxRequestBodySize, 1024, 1024 * 1024 * 1024)
        .Between(nameof(MaxRequestHeadersTotalSize), MaxRequestHeadersTotalSize, 1024, 1024 * 1024)
        .Problems;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RequestLimits>(configuration, Section);
        services.AddOptions<KestrelServerOptions>().Configure<RequestLimits>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodySize;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalSize;
        });
    }
}
