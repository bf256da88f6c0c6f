using Orleans.Connections.Security;

namespace ModularGov.Host.Hosting;

/// <summary>
/// Mutual TLS on every connection between silos (Microsoft.Orleans.Connections.Security): each silo presents its own
/// certificate when it connects and when it is connected to, and accepts only a peer whose certificate the cluster's
/// CA issued (<see cref="SiloCertificates.IsMember"/>). The platform's own checks are replaced, not added to: they
/// would trust the machine's public roots, and silos are reached by IP address, not by the name in a certificate.
/// </summary>
internal static class SiloTls
{
    public static void Use(ISiloBuilder silo, SiloCertificates certificates)
    {
        silo.Services.AddSingleton(certificates);
        silo.UseTls(certificates.Local, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (peer, chain, _) => certificates.IsMember(peer, chain);
        });
    }
}
