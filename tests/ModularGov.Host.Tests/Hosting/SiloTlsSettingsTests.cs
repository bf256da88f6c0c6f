using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ModularGov.Host.Hosting;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Hosting;

/// <summary>The <c>Orleans:Tls</c> settings as the host reads them at start, and the certificate files they name.</summary>
public sealed class SiloTlsSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static HostSettings Settings(params (string Key, string Value)[] values) => HostSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    /// <summary>The <c>--Orleans:Tls:…</c> switches <see cref="TestCa.IssueSilo"/> answers, as configuration pairs.</summary>
    private static (string, string)[] Pairs(string[] switches) =>
        switches.Select(s => s[2..].Split('=', 2)).Select(kv => (kv[0], kv[1])).ToArray();

    [Fact]
    public void Cluster_mode_without_a_certificate_refuses_naming_the_key_and_a_lab_may_turn_TLS_off()
    {
        var refused = Should.Throw<OptionsValidationException>(() => Settings(("Storage:Provider", "Redis")));
        refused.Failures.Single().ShouldStartWith("Orleans:Tls:CertificatePath must name this silo's certificate in cluster mode");

        Settings(("Storage:Provider", "Redis"), ("Orleans:Tls:Disabled", "true")).Tls.Disabled.ShouldBeTrue();
        Settings().Tls.Configured.ShouldBeFalse("a single host needs no certificate");
    }

    [Fact]
    public void Missing_files_and_a_contradiction_refuse_naming_their_keys()
    {
        var refused = Should.Throw<OptionsValidationException>(() => Settings(
            ("Orleans:Tls:CertificatePath", _folder.Sub("nope.pfx")), ("Orleans:Tls:Disabled", "true")));
        refused.Failures.ShouldBe([
            "Orleans:Tls:Disabled must not be true while Orleans:Tls:CertificatePath is set (was true)",
            $"Orleans:Tls:CertificatePath must name an existing file (was '{_folder.Sub("nope.pfx")}')",
            "Orleans:Tls:CaPath must name the PEM file of the CA that issued the silo certificates (was '')",
        ]);
    }

    [Fact]
    public void A_certificate_from_the_configured_CA_is_loaded_in_either_format_and_its_peers_are_told_apart()
    {
        using var ca = TestCa.Create(_folder.Sub("ca"), "cluster CA");
        using var strangers = TestCa.Create(_folder.Sub("strangers"), "another CA");
        foreach (var pkcs12 in new[] { true, false })
        {
            var certificates = SiloCertificates.Load(Settings(Pairs(ca.IssueSilo($"silo-{pkcs12}", pkcs12))).Tls);
            certificates.Local.Subject.ShouldBe($"CN=silo-{pkcs12}");
            certificates.Local.HasPrivateKey.ShouldBeTrue();
            using var peer = ca.Issue("peer");
            using var stranger = strangers.Issue("peer");
            using var serverOnly = ca.Issue("server-only", TestCa.ServerAuthentication);
            using var clientOnly = ca.Issue("client-only", TestCa.ClientAuthentication);
            certificates.IsMember(peer, null).ShouldBeTrue();
            certificates.IsMember(stranger, null).ShouldBeFalse("another CA issued it");
            certificates.IsMember(serverOnly, null).ShouldBeFalse("a silo is a TLS client too");
            certificates.IsMember(clientOnly, null).ShouldBeFalse("a silo is a TLS server too");
        }
    }

    [Fact]
    public void A_certificate_another_CA_issued_or_a_wrong_password_refuses_the_start_without_showing_the_password()
    {
        using var ca = TestCa.Create(_folder.Sub("ca"), "cluster CA");
        using var strangers = TestCa.Create(_folder.Sub("strangers"), "another CA");
        var foreign = Pairs(strangers.IssueSilo("foreign", pkcs12: true)).Select(kv => kv.Item1 == "Orleans:Tls:CaPath" ? (kv.Item1, ca.CertificatePath) : kv);
        Should.Throw<StartupRefusedException>(() => SiloCertificates.Load(Settings([.. foreign]).Tls))
            .Message.ShouldStartWith("Orleans:Tls:CertificatePath: this silo's certificate (CN=foreign) is not valid under the CA in Orleans:Tls:CaPath: ");

        const string wrong = "not-the-password";
        var mistyped = Pairs(ca.IssueSilo("mistyped", pkcs12: true)).Select(kv => kv.Item1 == "Orleans:Tls:CertificatePassword" ? (kv.Item1, wrong) : kv);
        var refusal = Should.Throw<StartupRefusedException>(() => SiloCertificates.Load(Settings([.. mistyped]).Tls)).Message;
        refusal.ShouldStartWith("Orleans:Tls:CertificatePath: ");
        refusal.ShouldContain("check Orleans:Tls:CertificatePassword");
        refusal.Contains(wrong, StringComparison.Ordinal).ShouldBeFalse();
    }

    public void Dispose() => _folder.Dispose();
}
