using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>RateLimits</c>: each caller (by token, else by address) gets at most
/// <see cref="PermitsPerWindow"/> requests per <see cref="Window"/>; beyond that, 429 with Retry-After.
/// <c>/health</c> is never limited, so a load balancer's checks always get through.
/// </summary>
internal sealed class RateLimits : ICheckedOptions
{
    public const string Section = "RateLimits";

    public int PermitsPerWindow { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Problems() => new SettingChecks(Section)
        .Between(nameof(PermitsPerWindow), PermitsPerWindow, 1, int.MaxValue)
        .Between(nameof(Window), Window, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
        .Problems;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RateLimits>(configuration, Section);
        services.AddRateLimiter(options => options.OnRejected = (context, _) =>
            new ValueTask(context.HttpContext.RequestServices.GetRequiredService<RateLimits>().RefuseAsync(context.HttpContext)));
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((options, limits) =>
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(Caller(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitsPerWindow,
                        Window = limits.Window,
                        QueueLimit = 0,
                    })));
    }

    private Task RefuseAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(Window.TotalSeconds)).ToString();
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "too-many-requests", "请求过于频繁", "Too many requests",
            $"at most {PermitsPerWindow} requests per {Window.TotalSeconds:0.###} s for one caller").ExecuteAsync(http);
    }

    /// <summary>The token (hashed: never kept in memory as is) or, without one, the remote address.</summary>
    private static string Caller(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } header
            ? "t:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)))[..16]
            : "a:" + http.Connection.RemoteIpAddress;
}
