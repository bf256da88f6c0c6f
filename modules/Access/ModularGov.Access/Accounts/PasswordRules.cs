namespace ModularGov.Access.Accounts;

/// <summary>Whether a new password meets the policy of <see cref="AccountOptions"/>; the reason, in Chinese and English, when not.</summary>
internal static class PasswordRules
{
    public const int MaxLength = 128;

    public static string? Problem(string login, string? password, AccountOptions options)
    {
        if (string.IsNullOrEmpty(password) || password.Length < options.MinimumPasswordLength || password.Length > MaxLength)
            return $"密码长度须为 {options.MinimumPasswordLength}–{MaxLength} 位 (a password is {options.MinimumPasswordLength}–{MaxLength} characters)";
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (classes < options.RequiredCharacterClasses)
            return $"密码须包含大写字母、小写字母、数字、符号中的至少 {options.RequiredCharacterClasses} 类 " +
                $"(a password mixes at least {options.RequiredCharacterClasses} of lower case, upper case, digits and symbols)";
        if (password.Contains(login, StringComparison.OrdinalIgnoreCase))
            return "密码不得包含登录名 (a password may not contain the login name)";
        return null;
    }
}
