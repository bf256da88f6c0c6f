using System.Text.RegularExpressions;

namespace ModularGov.SharedKernel.Http;

/// <summary>
/// What free text in a request may hold: 1 to <c>max</c> characters, no control characters but line breaks and
/// tabs, and no markup. Nothing here renders HTML, but records travel on to screens, exports and other systems,
/// so a tag is refused at the door rather than escaped everywhere later.
/// </summary>
public static partial class TextRules
{
    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex Markup();

    /// <summary>Why the text is not acceptable, naming the field, or null.</summary>
    public static string? Check(string field, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return $"{field} is required";
        if (text.Length > max)
            return $"{field} is {text.Length} characters, over the limit of {max}";
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return $"{field} holds control characters";
        return Markup().IsMatch(text) ? $"{field} holds markup (<…>), which is not accepted" : null;
    }
}
