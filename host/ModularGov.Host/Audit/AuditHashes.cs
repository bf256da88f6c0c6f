using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace ModularGov.Host.Audit;

/// <summary>The hashes an audit entry may be chained with, each giving lower-case hex.</summary>
internal static class AuditHashes
{
    public const string Sha256 = "sha256";
    public const string Sm3 = "sm3";

    public static readonly string[] All = [Sha256, Sm3];

    /// <exception cref="ArgumentException">An algorithm this host does not know (an entry written by a newer host).</exception>
    public static string Of(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return algorithm switch
        {
            Sha256 => Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Sm3 => Convert.ToHexStringLower(Sm3Of(bytes)),
            _ => throw new ArgumentException($"unknown audit hash '{algorithm}'", nameof(algorithm)),
        };
    }

    private static byte[] Sm3Of(byte[] bytes)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }
}
