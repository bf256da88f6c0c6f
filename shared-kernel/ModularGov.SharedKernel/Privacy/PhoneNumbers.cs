using System.Text.RegularExpressions;
using ModularGov.SharedKernel.Results;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// Mainland phone numbers: a mobile (手机号, 11 digits, 13–19) or a fixed line (固定电话: area code 0 and 2–3 digits,
/// a hyphen optional, then 7–8 digits).
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>Longer than any number with its separators; refused before anything else is looked at.</summary>
    public const int MaxLength = 20;

    /// <summary>
    /// A mobile as its 11 digits (spaces and hyphens removed), a fixed line as written with a space between area code and
    /// number made a hyphen; or refused (<see cref="Refusal.Invalid"/>) with the reason. The reason never repeats the digits.
    /// </summary>
    public static Outcome<string> Check(string? number)
    {
        var trimmed = number?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Refuse("电话号码为空 (the phone number is empty)");
        if (trimmed.Length > MaxLength)
            return Refuse($"电话号码过长 (a phone number has at most {MaxLength} characters)");
        if (trimmed.AsSpan().ContainsAnyExcept("0123456789- "))
            return Refuse("电话号码只能包含数字、空格和连字符 (a phone number holds only digits, spaces and hyphens)");
        if (trimmed[0] == '1')
        {
            var digits = Digits(trimmed);
            if (digits.Length != 11)
                return Refuse("手机号应为11位 (a mobile number has 11 digits)");
            if (!IsMobile(digits))
                return Refuse("手机号第二位应为3至9 (a mobile number starts 13 to 19)");
            return Outcome<string>.Ok(digits);
        }
        if (FixedLine().IsMatch(trimmed))
            return Outcome<string>.Ok(trimmed.Replace(' ', '-'));
        return Refuse("固定电话应为区号加7至8位号码,如010-12345678 (a fixed line is an area code 0 and 2–3 digits, then 7–8 digits, e.g. 010-12345678)");
    }

    /// <summary>Whether <paramref name="digits"/> (separators already removed) is a mobile number.</summary>
    internal static bool IsMobile(string digits) => Mobile().IsMatch(digits);

    /// <summary>The number without its spaces and hyphens.</summary>
    internal static string Digits(string number) => number.Replace(" ", "").Replace("-", "");

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[0-9]{2,3}[- ]?[0-9]{7,8}$")]
    private static partial Regex FixedLine();

    private static Outcome<string> Refuse(string reason) => Outcome<string>.Refuse(Refusal.Invalid, reason);
}
