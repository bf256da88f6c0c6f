using Microsoft.AspNetCore.Http.HttpResults;

namespace ModularGov.SharedKernel.Http;

/// <summary>
/// The edge's check of the strings a request body carries, each against its limit, before anything else reads the
/// request: a field over its limit is a 400 naming the field and the limit.
/// </summary>
public static class FieldLimits
{
    public static ProblemHttpResult? Refusal(params ReadOnlySpan<(string Field, string? Value, int Max)> fields)
    {
        foreach (var (field, value, max) in fields)
        {
            if (TextRules.CheckLength(field, value, max) is { } tooLong)
                return ApiProblems.TooLong(tooLong);
        }
        return null;
    }

    /// <summary>
    /// The same for a list: at most <paramref name="maxCount"/> entries, each checked by <paramref name="check"/> with its
    /// path (<c>field[i]</c>) to name in the answer.
    /// </summary>
    public static ProblemHttpResult? Each<T>(string field, IReadOnlyList<T?>? entries, int maxCount, Func<T, string, ProblemHttpResult?> check) where T : class
    {
        if (entries is null)
            return null;
        if (entries.Count > maxCount)
            return ApiProblems.TooLong($"{field} holds {entries.Count} entries, over the limit of {maxCount}");
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { } entry && check(entry, $"{field}[{i}]") is { } refused)
                return refused;
        }
        return null;
    }
}
