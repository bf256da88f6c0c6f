using System.Security.Cryptography;
using System.Text;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Grids.Problems;

/// <summary>The limits and checks on a filed problem, shared by the endpoint and the grain.</summary>
internal static class ProblemRules
{
    public const int MaxNote = 1000;

    /// <summary>Every way the request is malformed, in words the reporter can act on.</summary>
    public static IReadOnlyList<string> Check(NewProblem problem, string idempotencyKey)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ProblemLimits.IdempotencyKey || idempotencyKey.Any(char.IsControl))
            problems.Add($"the Idempotency-Key header is required: 1–{ProblemLimits.IdempotencyKey} printable characters");
        problems.AddRange(new[] { TextRules.Check("description", problem.Description, ProblemLimits.Description), TextRules.Check("location", problem.Location, ProblemLimits.Location) }
            .OfType<string>());
        if (problem.PhotoUrl is { } url && (url.Length > ProblemLimits.PhotoUrl
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            problems.Add($"photoUrl must be an http(s) link of at most {ProblemLimits.PhotoUrl} characters");
        return problems;
    }

    public static string? CheckNote(string what, string? text) => TextRules.Check(what, text, MaxNote);

    /// <summary>A fingerprint of the request and who sent it: a reused key must come with the same request from the same token.</summary>
    public static long Hash(NewProblem problem, Actor by) => Hash(string.Join('\u001f',
        problem.Category, problem.Description, problem.Location, problem.Compound, problem.PhotoUrl, problem.Source, problem.Station, by.TokenId,
        problem.Position?.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        problem.Position?.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>64 bits of the text's SHA-256: what a grid keeps of an idempotency key or a request.</summary>
    public static long Hash(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
