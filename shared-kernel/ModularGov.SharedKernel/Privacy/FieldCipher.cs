using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// The district's <see cref="IFieldCipher"/>: seals with <see cref="PrivacyOptions.Cipher"/> under that algorithm's last
/// key in the key file, opens with any key there. A sealed value reads <c>v1.&lt;algorithm&gt;.&lt;key id&gt;.&lt;base64url of
/// nonce | ciphertext | tag&gt;</c>. Thread-safe; the host holds one.
/// </summary>
public sealed class FieldCipher : IFieldCipher
{
    private const string Version = "v1";

    private static readonly IReadOnlyList<IFieldAlgorithm> Algorithms = [new AesGcmAlgorithm(), new Sm4GcmAlgorithm()];

    private readonly IFieldAlgorithm _sealWith;
    private readonly FieldKey _sealKey;
    private readonly Dictionary<(string Algorithm, string Id), FieldKey> _keys;

    private FieldCipher(IFieldAlgorithm sealWith, FieldKey sealKey, IReadOnlyList<FieldKey> keys)
    {
        _sealWith = sealWith;
        _sealKey = sealKey;
        _keys = keys.ToDictionary(k => (k.Algorithm, k.Id));
    }

    /// <summary>The algorithm new values are sealed with.</summary>
    public string Algorithm => _sealWith.Name;

    /// <summary>
    /// The cipher for <paramref name="options"/>, its key file read, or made at the first start when
    /// <paramref name="createKeyFile"/> (a single host; a cluster's silos must share one file made beforehand).
    /// </summary>
    /// <exception cref="KeyFileException">The key file is malformed, missing, or holds no key for the configured cipher.</exception>
    public static FieldCipher Load(PrivacyOptions options, DataDirectory data, bool createKeyFile = true)
    {
        var path = options.KeyFilePath(data);
        var keys = KeyFile.ReadOrCreate(path, createKeyFile, Algorithms);
        var sealWith = Algorithms.Single(a => a.Name == options.Cipher);
        var sealKey = keys.LastOrDefault(k => k.Algorithm == sealWith.Name)
            ?? throw new KeyFileException(path, null, $"it holds no {sealWith.Name} key, which Privacy:Cipher asks for: add a line " +
                $"'{sealWith.Name} <key id> <base64 of {sealWith.KeyBytes} random bytes>' (openssl rand -base64 {sealWith.KeyBytes})");
        return new FieldCipher(sealWith, sealKey, keys);
    }

    public string Seal(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var bytes = Encoding.UTF8.GetBytes(plain);
        try
        {
            var blob = _sealWith.Seal(_sealKey.Material, bytes);
            return $"{Version}.{_sealWith.Name}.{_sealKey.Id}.{Base64Url.EncodeToString(blob)}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public string Open(string @sealed)
    {
        ArgumentNullException.ThrowIfNull(@sealed);
        var parts = @sealed.Split('.');
        if (parts.Length != 4 || parts[0] != Version)
            throw new SealedValueException($"不是加密字段 (not a sealed value: expected '{Version}.<algorithm>.<key id>.<data>')");
        var algorithm = Algorithms.FirstOrDefault(a => a.Name == parts[1])
            ?? throw new SealedValueException("未知算法 (it names an algorithm this version does not know)");
        if (!_keys.TryGetValue((algorithm.Name, parts[2]), out var key))
            throw new SealedValueException(KeyFile.IsKeyId(parts[2])
                ? $"密钥不在密钥文件中 (it was sealed with {algorithm.Name} key '{parts[2]}', which the key file does not hold)"
                : "密钥编号无效 (its key id is not one a key file can hold)");
        byte[] blob;
        try
        {
            blob = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            throw new SealedValueException("数据不是base64url (its data is not base64url)");
        }
        if (blob.Length < IFieldAlgorithm.NonceBytes + IFieldAlgorithm.TagBytes)
            throw new SealedValueException("数据过短 (its data is too short to have been sealed)");
        var plain = algorithm.Open(key.Material, blob)
            ?? throw new SealedValueException("校验失败 (it was changed after sealing, or sealed under another key with the same id)");
        try
        {
            return Encoding.UTF8.GetString(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
