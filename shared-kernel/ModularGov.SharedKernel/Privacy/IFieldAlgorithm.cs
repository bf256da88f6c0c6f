namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// An authenticated cipher a field is sealed with. Its output is <c>nonce (12 bytes) | ciphertext | tag (16 bytes)</c>,
/// the nonce random: with 96 random bits a key may seal about 4 billion values before a repeat is a risk (NIST SP 800-38D),
/// far more than a district's records, and rotating keys (a new line in the key file) resets the count.
/// </summary>
internal interface IFieldAlgorithm
{
    const int NonceBytes = 12;
    const int TagBytes = 16;

    string Name { get; }

    int KeyBytes { get; }

    byte[] Seal(byte[] key, ReadOnlySpan<byte> plain);

    /// <summary>The plain bytes, or null when the tag does not match (changed, or sealed under another key).</summary>
    byte[]? Open(byte[] key, ReadOnlySpan<byte> blob);
}
