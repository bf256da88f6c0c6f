using Microsoft.AspNetCore.Identity;

namespace ModularGov.Access.Accounts;

/// <summary>
/// ASP.NET Core Identity's password hasher (format v3: PBKDF2 with HMAC-SHA512, 100,000 iterations, a random salt per
/// hash). Slow on purpose, so grains call it off their scheduler thread.
/// </summary>
internal static class PasswordHashing
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static Task<string> HashAsync(string password) => Task.Run(() => Hasher.HashPassword("", password));

    public static Task<bool> VerifyAsync(string hash, string password) =>
        Task.Run(() => Hasher.VerifyHashedPassword("", hash, password) != PasswordVerificationResult.Failed);

    /// <summary>Whether the password is any of the hashes (a new password against the account's last ones).</summary>
    public static async Task<bool> IsAnyAsync(IEnumerable<string> hashes, string password)
    {
        foreach (var hash in hashes)
        {
            if (await VerifyAsync(hash, password))
                return true;
        }
        return false;
    }
}
