using System.Security.Cryptography;

namespace ModularGov.Access.Accounts;

/// <summary>A one-time password an administrator hands over (16 characters of all four classes), to be changed at the first sign-in.</summary>
internal static class InitialPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#%^*-_+=?";

    public static string New()
    {
        char[] chars = [.. RandomNumberGenerator.GetItems<char>(Upper, 4), .. RandomNumberGenerator.GetItems<char>(Lower, 6),
            .. RandomNumberGenerator.GetItems<char>(Digits, 4), .. RandomNumberGenerator.GetItems<char>(Symbols, 2)];
        RandomNumberGenerator.Shuffle<char>(chars);
        return new string(chars);
    }
}
