using System.Text.RegularExpressions;

namespace ModularGov.SharedKernel.Http;

/// <summary>
/// What text in a request may hold. Free text: 1 to <c>max</c> characters, no control characters but line breaks
/// and tabs, and no markup. Nothing here renders HTML, but records travel on to screens, exports and other systems,
/// so a tag is refused at the door rather than escaped everywhere later. An id (a code, a key, a name the system
/// matches on): 1 to <c>max</c> characters and no control characters.
/// </summary>
public static partial class TextRules
{
    /// <summary>The longest id a request may name: every id this system makes (a street, a grid, a problem, a case, a token) is far shorter.</summary>
    public const int MaxId = 100;

    /// <summary>
    /// The longest description of a report, wherever it comes in (a grid problem, a case, a hotline record, an Open311
    /// request): the 4,000 characters GeoReport v2 allows, so a report travels between modules without being cut.
    /// </summary>
    public const int MaxReport = 4000;

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex Markup();

    /// <summary>Why the text is not acceptable, naming the field, or null.</summary>
    public static string? Check(string field, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return $"{field} is required";
        if (CheckLength(field, text, max) is { } tooLong)
            return tooLong;
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return $"{field} holds control characters";
        return Markup().IsMatch(text) ? $"{field} holds markup (<…>), which is not accepted" : null;
    }

    /// <summary>Why the id is not acceptable, naming the field and the limit, or null.</summary>
    public static string? CheckId(string field, string? id, int max = MaxId)
    {
        if (string.IsNullOrWhiteSpace(id))
            return $"{field} is required";
        if (CheckLength(field, id, max) is { } tooLong)
            return tooLong;
        return id.Any(char.IsControl) ? $"{field} holds control characters" : null;
    }

    /// <summary>Why the value is over its limit, naming the field and the limit, or null (also for no value).</summary>
    public static string? CheckLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? $"{field} is {value.Length} characters, over the limit of {max}" : null;

    /// <summary>The text cut to at most <paramref name="max"/> characters: for what is recorded of a request without being checked (a browser's name, a path).</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
