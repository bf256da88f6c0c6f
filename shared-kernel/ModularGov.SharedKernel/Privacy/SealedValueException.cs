using System.Security.Cryptography;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>A value could not be opened; the message says why, and never holds the value or any of its text.</summary>
public sealed class SealedValueException(string reason)
    : CryptographicException($"加密字段无法解密 (a sealed field cannot be opened): {reason}");
