namespace ModularGov.SharedKernel.Privacy;

/// <summary>
/// 脱敏 — what a list, a page or an export shows of personal data: enough to tell two people apart, not enough to
/// contact or impersonate them. A null or empty value is returned as it is.
/// </summary>
public static class Masks
{
    private const int Kept = 4;

    /// <summary>The first 3 and last 4 characters, every one between as '*': <c>110***********1234</c>.</summary>
    public static string? IdentityNumber(string? value) => string.IsNullOrEmpty(value) ? value : KeepEnds(value, 3);

    /// <summary>A mobile as its first 3 and last 4 digits (<c>138****5678</c>); any other number keeps its last 4 only.</summary>
    public static string? Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        var digits = PhoneNumbers.Digits(value.Trim());
        return PhoneNumbers.IsMobile(digits) ? KeepEnds(digits, 3) : KeepEnds(value.Trim(), 0);
    }

    /// <summary>The first <paramref name="head"/> and the last 4 characters; all stars when the value is too short to keep them and hide anything.</summary>
    private static string KeepEnds(string value, int head)
    {
        if (value.Length <= head + Kept)
            return new string('*', value.Length);
        return string.Create(value.Length, (value, head), static (span, state) =>
        {
            state.value.AsSpan().CopyTo(span);
            span[state.head..^Kept].Fill('*');
        });
    }
}
