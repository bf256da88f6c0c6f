namespace ModularGov.SharedKernel.Privacy;

/// <summary>The algorithms a field is sealed with, by the names <c>Privacy:Cipher</c>, the key file and sealed values use.</summary>
public static class FieldCiphers
{
    /// <summary>AES-256-GCM (the default).</summary>
    public const string AesGcm = "aes-gcm";

    /// <summary>SM4-128-GCM (GB/T 32907 in GCM mode), for a review that asks for 商用密码 (commercial cryptography).</summary>
    public const string Sm4Gcm = "sm4-gcm";

    public static readonly IReadOnlyList<string> All = [AesGcm, Sm4Gcm];
}
