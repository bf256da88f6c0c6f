using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>Proxy</c>: the TLS-terminating reverse proxies (nginx, the district's gateway) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes, so logs show the client's address and session cookies
/// are marked Secure. Empty (the default): the host is reached directly and believes no such header.
/// </summary>
internal sealed class ProxyOptions : ICheckedOptions
{
    public const string Section = "Proxy";

    public List<string> TrustedProxies { get; set; } = [];

    public IReadOnlyList<string> Problems()
    {
        var checks = new SettingChecks(Section);
        for (var i = 0; i < TrustedProxies.Count; i++)
            checks.That(IPAddress.TryParse(TrustedProxies[i], out _), $"{nameof(TrustedProxies)}:{i}", "must be an IP address", $"'{TrustedProxies[i]}'");
        return checks.Problems;
    }

    public void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        foreach (var proxy in TrustedProxies)
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
    }
}
