using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace ModularGov.Access.Accounts;

/// <summary>
/// TOTP (RFC 6238: 30-second steps, six digits, SHA-1, as every authenticator app reads it) through Otp.NET, and the
/// one-time recovery codes. A code is accepted one step either side of now, and only for a step after the last one used,
/// so a code seen over a shoulder cannot be replayed.
/// </summary>
internal static class SecondFactor
{
    public const int RecoveryCodeCount = 10;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from the enrolment QR code.</summary>
    public static string EnrolmentUri(string secret, string login) =>
        $"otpauth://totp/{Uri.EscapeDataString("ModularGov:" + login)}?secret={secret}&issuer=ModularGov&algorithm=SHA1&digits=6&period=30";

    /// <summary>The time step the code matches, if it matches one after <paramref name="lastStep"/>.</summary>
    public static long? MatchingStep(string secret, string? code, DateTimeOffset now, long lastStep)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) && step > lastStep ? step : null;
    }

    public static IReadOnlyList<string> NewRecoveryCodes() =>
        Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 10);
            return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
        }).ToList();

    /// <summary>A recovery code's stored form: it is random and long, so a plain hash is as good as a slow one.</summary>
    public static string HashRecoveryCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code.Trim().Replace("-", "").ToUpperInvariant())));
}
