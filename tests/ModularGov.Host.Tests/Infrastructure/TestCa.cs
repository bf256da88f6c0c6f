using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway private CA written to a folder, issuing silo certificates the way docs/operations.md tells district IT
/// to: CA certificate as PEM, each silo's certificate for server and client authentication, as PKCS#12 with a
/// password or as PEM certificate and key files.
/// </summary>
internal sealed class TestCa : IDisposable
{
    public const string Password = "test-pkcs12-password";

    private readonly X509Certificate2 _authority;
    private readonly string _folder;

    private TestCa(X509Certificate2 authority, string folder, string certificatePath)
    {
        _authority = authority;
        _folder = folder;
        CertificatePath = certificatePath;
    }

    /// <summary>The CA's certificate (PEM), for <c>Orleans:Tls:CaPath</c>.</summary>
    public string CertificatePath { get; }

    public static TestCa Create(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256); // the certificate made with it keeps using it
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, "ca.pem");
        File.WriteAllText(path, authority.ExportCertificatePem());
        return new TestCa(authority, folder, path);
    }

    /// <summary>Issues a silo certificate and answers the host's <c>--Orleans:Tls:…</c> switches for it.</summary>
    /// <param name="pkcs12">A password-protected <c>.pfx</c>, else a PEM certificate with its key in a file of its own.</param>
    public string[] IssueSilo(string name, bool pkcs12)
    {
        using var certificate = Issue(name);
        if (pkcs12)
        {
            var pfx = Path.Combine(_folder, $"{name}.pfx");
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, Password));
            return [$"--Orleans:Tls:CertificatePath={pfx}", $"--Orleans:Tls:CertificatePassword={Password}", $"--Orleans:Tls:CaPath={CertificatePath}"];
        }
        var crt = Path.Combine(_folder, $"{name}.crt.pem");
        var key = Path.Combine(_folder, $"{name}.key.pem");
        File.WriteAllText(crt, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return [$"--Orleans:Tls:CertificatePath={crt}", $"--Orleans:Tls:KeyPath={key}", $"--Orleans:Tls:CaPath={CertificatePath}"];
    }

    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>A silo certificate with its private key, in memory; for server and client authentication unless <paramref name="usages"/> says otherwise.</summary>
    public X509Certificate2 Issue(string name, params string[] usages)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256); // the certificate made with it keeps using it
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var oids = new OidCollection();
        foreach (var usage in usages is [] ? [ServerAuthentication, ClientAuthentication] : usages)
            oids.Add(new Oid(usage));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(_authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(23), serial);
        return issued.CopyWithPrivateKey(key);
    }

    public void Dispose() => _authority.Dispose();
}
