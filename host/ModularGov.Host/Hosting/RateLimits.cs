using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ModularGov.Host.Access;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>RateLimits</c>: each caller gets at most <see cref="PermitsPerWindow"/> requests per
/// <see cref="Window"/>; beyond that, 429 with Retry-After. A caller is its token once authentication has verified it,
/// else (no token, or one that failed) its client address, so random bearer values from one address share that
/// address's budget. The limiter runs after authentication for that; authentication is cheap before it (see
/// <see cref="TokenLookupBudget"/>). <c>/health</c> is never limited, so a load balancer's checks always get through.
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
        services.AddSingleton<TokenLookupBudget>();
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

    /// <summary>The verified token's public id or, for a request without one (none sent, or it failed), the client address.</summary>
    private static string Caller(HttpContext http) =>
        http.Features.Get<AccessIdentity>() is { } identity ? "t:" + identity.TokenId : "a:" + http.Connection.RemoteIpAddress;
}
