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

    /// <summary>The same for a list of strings: at most <paramref name="maxCount"/> of them, each within <paramref name="max"/>.</summary>
    public static ProblemHttpResult? Refusal(string field, IReadOnlyList<string>? values, int maxCount, int max)
    {
        if (values is null)
            return null;
        if (values.Count > maxCount)
            return ApiProblems.TooLong($"{field} holds {values.Count} entries, over the limit of {maxCount}");
        for (var i = 0; i < values.Count; i++)
        {
            if (TextRules.CheckLength($"{field}[{i}]", values[i], max) is { } tooLong)
                return ApiProblems.TooLong(tooLong);
        }
        return null;
    }
}
