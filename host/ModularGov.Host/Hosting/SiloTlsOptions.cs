using ModularGov.SharedKernel.Settings;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Configuration section <c>Orleans:Tls</c>: this silo's certificate and the district's private CA that issued every
/// silo's. Silos accept a connection only from a peer whose certificate that CA issued (mutual TLS); see
/// docs/operations.md, Ports and TLS. Required in cluster mode; a single host's silo talks to no other silo.
/// </summary>
internal sealed class SiloTlsOptions : ICheckedOptions
{
    public const string Section = "Orleans:Tls";

    /// <summary>This silo's certificate with its private key: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key when it is not in <see cref="CertificatePath"/>'s PEM file; unused for PKCS#12.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS#12 file's password, or an encrypted PEM key's; from the environment file, never shown.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM certificate of the CA that issues the cluster's silo certificates (more than one while it is replaced).</summary>
    public string? CaPath { get; set; }

    /// <summary>Run a cluster without TLS: for a lab only, where nobody else can reach the silo port. Logged as a warning.</summary>
    public bool Disabled { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(CertificatePath);

    public IReadOnlyList<string> Problems()
    {
        var checks = new SettingChecks(Section)
            .That(!(Disabled && Configured), nameof(Disabled), "must not be true while Orleans:Tls:CertificatePath is set", "true");
        if (Configured)
        {
            checks.That(File.Exists(CertificatePath), nameof(CertificatePath), "must name an existing file", $"'{CertificatePath}'")
                .That(!string.IsNullOrWhiteSpace(CaPath), nameof(CaPath), "must name the PEM file of the CA that issued the silo certificates", $"'{CaPath}'");
            if (!string.IsNullOrWhiteSpace(CaPath))
                checks.That(File.Exists(CaPath), nameof(CaPath), "must name an existing file", $"'{CaPath}'");
            if (!string.IsNullOrWhiteSpace(KeyPath))
                checks.That(File.Exists(KeyPath), nameof(KeyPath), "must name an existing file", $"'{KeyPath}'");
        }
        return checks.Problems;
    }

    /// <summary>A cluster's silos talk over the network, so a cluster runs over TLS unless a lab says otherwise.</summary>
    public IReadOnlyList<string> ClusterProblems() => new SettingChecks(Section)
        .That(Configured || Disabled, nameof(CertificatePath),
            "must name this silo's certificate in cluster mode (Storage:Provider=Redis), with Orleans:Tls:CaPath the CA that issued it: " +
            "silos talk over mutual TLS (docs/operations.md, Ports and TLS); Orleans:Tls:Disabled=true runs without it, in a lab only",
            "not set")
        .Problems;
}
