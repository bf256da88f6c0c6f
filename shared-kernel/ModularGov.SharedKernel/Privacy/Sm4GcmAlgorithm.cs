using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>SM4 (GB/T 32907, 128-bit key) in GCM mode, from BouncyCastle; the same layout as AES-GCM.</summary>
internal sealed class Sm4GcmAlgorithm : IFieldAlgorithm
{
    public string Name => FieldCiphers.Sm4Gcm;

    public int KeyBytes => 16;

    public byte[] Seal(byte[] key, ReadOnlySpan<byte> plain)
    {
        var nonce = new byte[IFieldAlgorithm.NonceBytes];
        System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
        var gcm = Gcm(forSealing: true, key, nonce);
        var blob = new byte[IFieldAlgorithm.NonceBytes + gcm.GetOutputSize(plain.Length)];
        nonce.CopyTo(blob, 0);
        var output = blob.AsSpan(IFieldAlgorithm.NonceBytes);
        var written = gcm.ProcessBytes(plain, output);
        gcm.DoFinal(output[written..]);
        return blob;
    }

    public byte[]? Open(byte[] key, ReadOnlySpan<byte> blob)
    {
        var gcm = Gcm(forSealing: false, key, blob[..IFieldAlgorithm.NonceBytes].ToArray());
        var sealedPart = blob[IFieldAlgorithm.NonceBytes..];
        var plain = new byte[gcm.GetOutputSize(sealedPart.Length)];
        try
        {
            var written = gcm.ProcessBytes(sealedPart, plain);
            gcm.DoFinal(plain.AsSpan(written));
            return plain;
        }
        catch (InvalidCipherTextException)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
            return null;
        }
    }

    private static GcmBlockCipher Gcm(bool forSealing, byte[] key, byte[] nonce)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forSealing, new AeadParameters(new KeyParameter(key), IFieldAlgorithm.TagBytes * 8, nonce));
        return gcm;
    }
}
