using System.Security.Cryptography;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>AES-256-GCM from the platform (OpenSSL on Linux).</summary>
internal sealed class AesGcmAlgorithm : IFieldAlgorithm
{
    public string Name => FieldCiphers.AesGcm;

    public int KeyBytes => 32;

    public byte[] Seal(byte[] key, ReadOnlySpan<byte> plain)
    {
        var blob = new byte[IFieldAlgorithm.NonceBytes + plain.Length + IFieldAlgorithm.TagBytes];
        var nonce = blob.AsSpan(0, IFieldAlgorithm.NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, IFieldAlgorithm.TagBytes);
        aes.Encrypt(nonce, plain, blob.AsSpan(IFieldAlgorithm.NonceBytes, plain.Length), blob.AsSpan(IFieldAlgorithm.NonceBytes + plain.Length));
        return blob;
    }

    public byte[]? Open(byte[] key, ReadOnlySpan<byte> blob)
    {
        var plain = new byte[blob.Length - IFieldAlgorithm.NonceBytes - IFieldAlgorithm.TagBytes];
        using var aes = new AesGcm(key, IFieldAlgorithm.TagBytes);
        try
        {
            aes.Decrypt(blob[..IFieldAlgorithm.NonceBytes], blob.Slice(IFieldAlgorithm.NonceBytes, plain.Length), blob[^IFieldAlgorithm.TagBytes..], plain);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
