using System.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using ModularGov.Host.Storage;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Http;

namespace ModularGov.Host.Audit;

/// <summary>
/// Writes the log entry of every change (any method but GET, HEAD and OPTIONS), every refused attempt (401, 403, 429), every
/// read of the log itself and every read an endpoint marks to keep (<see cref="AuditNote.KeepRead"/>: personal data shown whole), after the request has run. A change is acknowledged only with its entry: its response is held back
/// until the entry is on disk, and if the entry cannot be stored the caller gets a 503 instead (the change may have been made;
/// it is not confirmed). While the log takes no entries at all, changes are refused before they run.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, TimeProvider time, ILogger<AuditMiddleware> log)
{
    private const int MaxField = 256;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var isChange = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        // The log is read through the API and through the audit administrator's console pages.
        var readsLog = request.Path.StartsWithSegments(AuditEndpoints.Prefix) || request.Path.StartsWithSegments(AuditEndpoints.ConsolePrefix);
        // A read is logged only when refused; the console's style, scripts and health check are never refused.
        if (!isChange && !readsLog && (request.Path.StartsWithSegments("/assets") || request.Path.StartsWithSegments("/health")))
        {
            await next(http);
            return;
        }
        if (isChange && trail.Stopped is { } stopped)
        {
            await Unavailable(stopped.Message).ExecuteAsync(http);
            return;
        }

        var note = new AuditNote();
        http.Features.Set(note);
        var arrived = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var response = http.Response.Body;
        using var held = isChange ? new MemoryStream() : null;
        if (held is not null)
            http.Response.Body = held;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = response;
            await TryAppendAsync(Entry(http, note, arrived, started, StatusCodes.Status500InternalServerError));
            throw;
        }

        var status = http.Response.StatusCode;
        if (!isChange && !readsLog && !note.KeepRead && AuditOutcomes.Of(status) != AuditOutcomes.Refused)
            return;
        var stored = await TryAppendAsync(Entry(http, note, arrived, started, status));
        if (held is null)
            return;
        http.Response.Body = response;
        if (stored)
        {
            held.Position = 0;
            await held.CopyToAsync(response, http.RequestAborted);
        }
        else if (http.Response.HasStarted)
        {
            http.Abort();
        }
        else
        {
            http.Response.Clear();
            await Unavailable("the log entry of this change could not be stored").ExecuteAsync(http);
        }
    }

    private async Task<bool> TryAppendAsync(AuditEntry entry)
    {
        try
        {
            await trail.AppendAsync(entry);
            return true;
        }
        catch (Exception e) when (e is WritesStoppedException or IOException or LiteDB.LiteException or ObjectDisposedException)
        {
            log.LogCritical(e, "审计日志写入失败,该操作未被确认 (the log entry of {Method} {Path} by {Actor} could not be stored: the change is not acknowledged)",
                entry.Method, entry.Path, entry.Actor);
            return false;
        }
    }

    private static AuditEntry Entry(HttpContext http, AuditNote note, DateTimeOffset arrived, long started, int status)
    {
        var identity = http.Features.Get<AccessIdentity>();
        var endpoint = http.GetEndpoint();
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        var kind = note.Kind ?? AuditKinds.Operation;
        return new AuditEntry
        {
            AtTicks = arrived.UtcTicks,
            Kind = kind,
            Actor = Cut(note.Actor ?? identity?.TokenId ?? "anonymous"),
            ActorLabel = Cut(note.ActorLabel ?? identity?.Label ?? ""),
            Role = Cut(note.Role ?? identity?.Role.Name() ?? ""),
            Scope = Cut(note.Scope ?? identity?.Scope.ToString() ?? ""),
            Address = http.Connection.RemoteIpAddress?.ToString() ?? "",
            Method = Cut(http.Request.Method),
            Path = Cut(http.Request.Path.Value ?? ""),
            Module = Cut(endpoint?.Metadata.GetMetadata<ITagsMetadata>()?.Tags.FirstOrDefault() ?? "Host"),
            Action = Cut($"{http.Request.Method} {pattern ?? "(no endpoint)"}"),
            Record = Cut(string.Join(" ", http.Request.RouteValues.Select(v => $"{v.Key}={v.Value}"))),
            Outcome = AuditOutcomes.Of(status),
            Status = status,
            DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Browser = kind is AuditKinds.SignIn or AuditKinds.SignOut ? Cut(http.Request.Headers.UserAgent.ToString()) : "",
            Detail = Cut(note.Detail ?? ""),
        };
    }

    private static string Cut(string text) => TextRules.Cut(text, MaxField);

    private static IResult Unavailable(string why) => ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "audit-unavailable",
        "审计日志不可用,操作未被确认", "The operation log cannot be written: the change is not acknowledged",
        $"{why}; check the disk holding {AuditTrail.FileName}, then restart the host");
}
