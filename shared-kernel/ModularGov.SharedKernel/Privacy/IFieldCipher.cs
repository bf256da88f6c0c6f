namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// Seals one field of personal data (an identity number, a phone) for storage, and opens it again. A sealed value is
/// text that names its algorithm and key (<c>v1.aes-gcm.&lt;key id&gt;.&lt;base64url&gt;</c>), so values sealed before a
/// district changes its cipher still open. Sealing the same text twice gives two different values: search by a sealed
/// value does not work, keep a separate lookup key if one is needed.
/// </summary>
public interface IFieldCipher
{
    /// <summary>The text sealed with the configured algorithm and its newest key.</summary>
    string Seal(string plain);

    /// <summary>The text <paramref name="sealed"/> was made from, with whichever algorithm and key it names.</summary>
    /// <exception cref="SealedValueException">Not a sealed value, sealed with a key this district does not hold, or changed since.</exception>
    string Open(string @sealed);
}
