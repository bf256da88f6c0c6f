using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>RateLimits</c>: each caller (by token, else by address) gets at most
/// <see cref="PermitsPerWindow"/> requests per <see cref="Window"/>; beyond that, 429 with Retry-After.
/// <c>/health</c> is never limited, so a load balancer's checks always get through.
/// </summary>
internal sealed class RateLimits
{
    public const string Section = "RateLimits";

    public int PermitsPerWindow { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<RateLimits>() ?? new RateLimits();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(Caller(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitsPerWindow,
                        Window = limits.Window,
                        QueueLimit = 0,
                    }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limits.Window.TotalSeconds)).ToString();
                return new ValueTask(ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "too-many-requests", "请求过于频繁", "Too many requests",
                    $"at most {limits.PermitsPerWindow} requests per {limits.Window.TotalSeconds:0.###} s for one caller").ExecuteAsync(context.HttpContext));
            };
        });
    }

    /// <summary>The token (hashed: never kept in memory as is) or, without one, the remote address.</summary>
    private static string Caller(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } header
            ? "t:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)))[..16]
            : "a:" + http.Connection.RemoteIpAddress;
}
