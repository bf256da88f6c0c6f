using Microsoft.AspNetCore.Http;

namespace ModularGov.Open311.Http;

/// <summary>The spec's error answer: a list of <c>{code, description}</c> (<c>&lt;errors&gt;&lt;error&gt;</c>) with the HTTP status as the code.</summary>
internal static class Open311Errors
{
    public static IResult BadRequest(string format, string description) => Error(format, StatusCodes.Status400BadRequest, description);

    public static IResult Forbidden(string format, string description) => Error(format, StatusCodes.Status403Forbidden, description);

    public static IResult NotFound(string format, string description) => Error(format, StatusCodes.Status404NotFound, description);

    public static IResult Error(string format, int status, string description) =>
        Open311Writer.Result(format, new Open311List("errors", "error", [new Open311Object("error", [("code", status), ("description", description)])]), status);
}
