using System.Security.Cryptography;
using System.Text;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Grids.Problems;

/// <summary>The limits and checks on a filed problem, shared by the endpoint and the grain.</summary>
internal static class ProblemRules
{
    public const int MaxDescription = 2000;
    public const int MaxLocation = 200;
    public const int MaxPhotoUrl = 500;
    public const int MaxNote = 1000;
    public const int MaxIdempotencyKey = 100;

    /// <summary>Every way the request is malformed, in words the reporter can act on.</summary>
    public static IReadOnlyList<string> Check(NewProblem problem, string idempotencyKey)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKey || idempotencyKey.Any(char.IsControl))
            problems.Add($"the Idempotency-Key header is required: 1–{MaxIdempotencyKey} printable characters");
        Require(problems, "description", problem.Description, MaxDescription);
        Require(problems, "location", problem.Location, MaxLocation);
        if (problem.PhotoUrl is { } url && (url.Length > MaxPhotoUrl
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            problems.Add($"photoUrl must be an http(s) link of at most {MaxPhotoUrl} characters");
        return problems;
    }

    public static string? CheckNote(string what, string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxNote || HasControl(text) ? $"{what} must be 1–{MaxNote} characters of text" : null;

    private static void Require(List<string> problems, string field, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > max || HasControl(text))
            problems.Add($"{field} is required: 1–{max} characters, no control characters");
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>A fingerprint of the request and who sent it: a reused key must come with the same request from the same token.</summary>
    public static string Hash(NewProblem problem, Actor by) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        problem.Category, problem.Description, problem.Location, problem.Compound, problem.PhotoUrl, problem.Source, problem.Station, by.TokenId))));
}
