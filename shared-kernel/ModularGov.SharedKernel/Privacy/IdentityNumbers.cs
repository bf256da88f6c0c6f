using System.Globalization;
using ModularGov.SharedKernel.Results;

namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// 居民身份证号码 — a mainland resident identity number (GB 11643-1999): a 6-digit area code, the birth date as
/// YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (a digit or X).
/// </summary>
public static class IdentityNumbers
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>
    /// The number with a lower-case x made X and surrounding spaces removed, or refused (<see cref="Refusal.Invalid"/>)
    /// with a reason naming the part that is wrong. The reason never repeats the number's digits.
    /// </summary>
    /// <param name="number">The number as entered.</param>
    /// <param name="today">Today in China Standard Time; a birth date after it is refused.</param>
    public static Outcome<string> Check(string? number, DateOnly today)
    {
        var trimmed = number?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Refuse("身份证号为空 (the identity number is empty)");
        if (trimmed.Length != Length)
            return Refuse($"身份证号应为18位,实为{trimmed.Length}位 (an identity number has 18 characters, this one has {trimmed.Length})");
        var normalised = trimmed[^1] == 'x' ? trimmed[..^1] + "X" : trimmed;
        if (normalised.AsSpan(0, Length - 1).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(normalised[^1]) || normalised[^1] == 'X'))
            return Refuse("身份证号前17位应为数字,末位应为数字或X (the first 17 characters must be digits and the last a digit or X)");
        if (normalised[0] == '0')
            return Refuse("身份证号地区码不能以0开头 (the area code must not start with 0)");
        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
            return Refuse("身份证号出生日期不存在 (the birth date is not a real date)");
        if (born > today)
            return Refuse("身份证号出生日期晚于今天 (the birth date is after today)");
        if (born < Earliest)
            return Refuse("身份证号出生日期早于1900年 (the birth date is before 1900-01-01)");
        if (CheckDigit(normalised.AsSpan(0, Length - 1)) != normalised[^1])
            return Refuse("身份证号校验位不符 (the check digit does not match)");
        return Outcome<string>.Ok(normalised);
    }

    /// <summary>The 18th character (a digit or X) for the first 17 digits, by ISO 7064 MOD 11-2.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1 || first17.ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException("The check digit is computed from exactly 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static Outcome<string> Refuse(string reason) => Outcome<string>.Refuse(Refusal.Invalid, reason);
}
