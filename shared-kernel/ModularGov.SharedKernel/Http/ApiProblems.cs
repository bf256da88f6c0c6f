using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModularGov.SharedKernel.Results;

namespace ModularGov.SharedKernel.Http;

/// <summary>
/// RFC 9457 problem details with a bilingual title (Chinese for users, English for operators) and a stable
/// machine-readable <c>code</c> extension.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string code, string titleZh, string titleEn, string? detail = null) =>
        TypedResults.Problem(
            statusCode: status,
            title: $"{titleZh} ({titleEn})",
            detail: detail,
            type: $"https://modulargov.local/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string what, string id) =>
        Problem(StatusCodes.Status404NotFound, "not-found", $"未找到{what}", "Not found", $"{what} '{id}' does not exist.");

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "无权访问", "Forbidden: outside your scope", detail);

    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "bad-request", "请求无效", "Bad request", detail);

    /// <summary>A string (or a list) in the request is over its limit; the detail names the field and the limit.</summary>
    public static ProblemHttpResult TooLong(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "too-long", "内容超出长度限制", "Bad request: a field is over its length limit", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "conflict", "当前状态不允许此操作", "Conflict: not allowed in the record's current state", detail);

    /// <summary>The problem-details answer for a refused command.</summary>
    public static ProblemHttpResult From(Refusal refusal, string reason) => refusal switch
    {
        Refusal.NotFound => Problem(StatusCodes.Status404NotFound, "not-found", "未找到", "Not found", reason),
        Refusal.Invalid => BadRequest(reason),
        Refusal.Conflict => Conflict(reason),
        _ => Forbidden(reason),
    };

    /// <summary>200 with the value, or the refusal as problem details.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Outcome<T> outcome) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value!) : From(outcome.Refusal!.Value, outcome.Reason!);
}
