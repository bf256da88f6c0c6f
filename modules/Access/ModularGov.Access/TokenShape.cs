using System.Buffers;

namespace ModularGov.Access;

/// <summary>
/// What a token looks like, checked before anything is looked up. An issued token is <see cref="Prefix"/> and the
/// base64url text of 32 random bytes (43 characters, no padding): exactly <see cref="IssuedLength"/> characters. A
/// bootstrap token chosen by the operator is <see cref="MinBootstrapLength"/>–<see cref="MaxBootstrapLength"/>
/// characters of the bearer-token alphabet (RFC 6750 <c>token68</c>: letters, digits, <c>- . _ ~ + /</c>, then
/// <c>=</c> padding only at the end) and does not begin with the issued tokens' prefix. Anything else cannot be one
/// of this district's tokens, so it is refused without a lookup.
/// </summary>
internal static class TokenShape
{
    public const string Prefix = "mg_";
    public const int SecretBytes = 32;

    /// <summary><see cref="Prefix"/> and 43 base64url characters (32 bytes, unpadded).</summary>
    public const int IssuedLength = 3 + 43;

    public const int MinBootstrapLength = 32;
    public const int MaxBootstrapLength = 512;

    /// <summary>A token's public id: the first 16 hex digits (lower case) of its SHA-256.</summary>
    public const int IdLength = 16;

    private static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    private static readonly SearchValues<char> Token68 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>Whether a presented value could be one of this district's tokens (issued or bootstrap).</summary>
    public static bool MayBeToken(string value) => IsIssued(value) || IsBootstrapShaped(value);

    public static bool IsIssued(string value) =>
        value.Length == IssuedLength && value.StartsWith(Prefix, StringComparison.Ordinal) && !value.AsSpan(Prefix.Length).ContainsAnyExcept(Base64Url);

    public static bool IsBootstrapShaped(string value)
    {
        if (value.Length is < MinBootstrapLength or > MaxBootstrapLength || value.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var body = value.AsSpan().TrimEnd('=');
        return body.Length > 0 && !body.ContainsAnyExcept(Token68);
    }

    /// <summary>Whether <paramref name="id"/> is shaped like a token id (16 lower-case hex digits).</summary>
    public static bool IsTokenId(string? id) => id is { Length: IdLength } && !id.AsSpan().ContainsAnyExcept(LowerHex);

    /// <summary>What a bootstrap token is, as a configuration problem states it.</summary>
    public const string BootstrapShape = $"32–512 characters of letters, digits and - . _ ~ + / (= only at the end), not beginning with {Prefix}";
}
