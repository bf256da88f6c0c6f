using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ModularGov.Host.Hosting;

/// <summary>
/// This silo's certificate and the CA certificates it trusts for its peers, read from <see cref="SiloTlsOptions"/> at
/// start. A peer is a member of the cluster when its certificate chains to one of those CAs (and no other root), is
/// in date and may serve as both TLS server and client: every silo both accepts connections and opens them.
/// </summary>
internal sealed class SiloCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private SiloCertificates(X509Certificate2 local, X509Certificate2Collection authorities)
    {
        Local = local;
        Authorities = authorities;
    }

    public X509Certificate2 Local { get; }

    public X509Certificate2Collection Authorities { get; }

    /// <summary>Reads the files; anything wrong with them refuses the start, naming the key (never the password).</summary>
    public static SiloCertificates Load(SiloTlsOptions options)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(options.CaPath!);
        }
        catch (CryptographicException e)
        {
            throw Refusal(nameof(SiloTlsOptions.CaPath), $"'{options.CaPath}' is not a PEM certificate file ({e.Message})");
        }
        if (authorities.Count == 0)
            throw Refusal(nameof(SiloTlsOptions.CaPath), $"'{options.CaPath}' holds no PEM certificate");

        var certificates = new SiloCertificates(ReadLocal(options), authorities);
        if (!certificates.Local.HasPrivateKey)
            throw Refusal(nameof(SiloTlsOptions.CertificatePath), $"'{options.CertificatePath}' holds no private key for the certificate");
        if (certificates.Problem(certificates.Local, presented: null) is { } problem)
            throw Refusal(nameof(SiloTlsOptions.CertificatePath),
                $"this silo's certificate ({certificates.Local.Subject}) is not valid under the CA in Orleans:Tls:CaPath: {problem}");
        return certificates;
    }

    /// <summary>Whether <paramref name="peer"/> belongs to the cluster; <paramref name="presented"/> may add the intermediates it sent.</summary>
    public bool IsMember(X509Certificate2 peer, X509Chain? presented) => Problem(peer, presented) is null;

    /// <summary>Why <paramref name="certificate"/> is not a cluster member's, or null when it is.</summary>
    private string? Problem(X509Certificate2 certificate, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        // A private CA publishes no revocation list: a silo is taken out by replacing the CA (docs/operations.md).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        if (chain.Build(certificate))
            return null;
        var reasons = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return string.Join(", ", reasons.DefaultIfEmpty("the chain does not build"));
    }

    private static X509Certificate2 ReadLocal(SiloTlsOptions options)
    {
        var path = options.CertificatePath!;
        var password = string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword;
        try
        {
            if (Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12")
                return X509CertificateLoader.LoadPkcs12FromFile(path, password);
            var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? null : options.KeyPath;
            return password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        catch (CryptographicException e)
        {
            throw Refusal(nameof(SiloTlsOptions.CertificatePath),
                $"'{path}' does not open as a certificate with its private key ({e.Message}); check Orleans:Tls:CertificatePassword and Orleans:Tls:KeyPath");
        }
    }

    private static StartupRefusedException Refusal(string key, string why) =>
        new($"{SiloTlsOptions.Section}:{key}: {why}");
}
