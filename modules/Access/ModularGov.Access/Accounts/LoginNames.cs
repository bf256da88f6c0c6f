using System.Text.RegularExpressions;

namespace ModularGov.Access.Accounts;

/// <summary>A login name: 2–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter (the grain's key as typed, in lower case).</summary>
internal static partial class LoginNames
{
    public const int MaxLength = 32;

    public static string Normalize(string? name) => (name ?? "").Trim().ToLowerInvariant();

    public static bool IsValid(string name) => Shape().IsMatch(name);

    public const string Rule = "2–32 lower-case letters, digits, '.', '-' or '_', starting with a letter";

    [GeneratedRegex("^[a-z][a-z0-9._-]{1,31}$")]
    private static partial Regex Shape();
}
