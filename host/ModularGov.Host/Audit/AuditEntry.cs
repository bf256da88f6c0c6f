using LiteDB;

namespace ModularGov.Host.Audit;

/// <summary>
/// One entry of the operation and sign-in log (操作日志 / 登录日志): who, from where, when, what, on which record, the outcome
/// and how long it took. Never a request's body, headers or query string, so never a password, token or second factor.
/// <see cref="Hash"/> covers every other field and the hash of the entry before, so an edited or removed entry breaks the chain.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    [BsonId(false)]
    public long Seq { get; set; }

    /// <summary>When the request arrived, in UTC ticks (a number, so LiteDB's time-zone handling never touches it).</summary>
    public long AtTicks { get; set; }

    public string Kind { get; set; } = AuditKinds.Operation;

    /// <summary>The token's public id or the account's login name; <c>anonymous</c> when no one was recognised.</summary>
    public string Actor { get; set; } = "";

    public string ActorLabel { get; set; } = "";
    public string Role { get; set; } = "";
    public string Scope { get; set; } = "";
    public string Address { get; set; } = "";
    public string Method { get; set; } = "";

    /// <summary>The path asked for, without its query string.</summary>
    public string Path { get; set; } = "";

    public string Module { get; set; } = "";

    /// <summary>The endpoint: its method and route pattern, e.g. <c>POST /api/streets/{code}/tiers/changes</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The record acted on: the route's values, e.g. <c>code=S01 changeId=7</c>.</summary>
    public string Record { get; set; } = "";

    public string Outcome { get; set; } = "";
    public int Status { get; set; }
    public long DurationMs { get; set; }

    /// <summary>The browser (User-Agent) of a sign-in or sign-out; empty for operations.</summary>
    public string Browser { get; set; } = "";

    /// <summary>Why, in a few words, where the endpoint said (a sign-in refused for a wrong password, say).</summary>
    public string Detail { get; set; } = "";

    public string Algorithm { get; set; } = AuditHashes.Sha256;
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public DateTimeOffset At => new(AtTicks, TimeSpan.Zero);

    /// <summary>The hash this entry should carry: over every field but <see cref="Hash"/>, in a fixed order.</summary>
    public string ComputeHash() => AuditHashes.Of(Algorithm, System.Text.Json.JsonSerializer.Serialize<object[]>(
    [
        Seq, AtTicks, Kind, Actor, ActorLabel, Role, Scope, Address, Method, Path, Module, Action, Record, Outcome, Status,
        DurationMs, Browser, Detail, Algorithm, PreviousHash,
    ]));
}

internal static class AuditKinds
{
    public const string Operation = "operation";
    public const string SignIn = ModularGov.SharedKernel.Http.AuditNote.SignIn;
    public const string SignOut = ModularGov.SharedKernel.Http.AuditNote.SignOut;

    /// <summary>The host's own daily purge of entries past their retention.</summary>
    public const string Retention = "retention";

    public static readonly string[] All = [Operation, SignIn, SignOut, Retention];
}

/// <summary>How a request ended, as the log names it.</summary>
internal static class AuditOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>Not allowed: no or a bad credential (401), outside the caller's rights (403), or over its rate (429).</summary>
    public const string Refused = "refused";

    /// <summary>Allowed, but the request itself was wrong or conflicted with the record (another 4xx).</summary>
    public const string Rejected = "rejected";

    public const string Failed = "failed";

    public static readonly string[] All = [Succeeded, Refused, Rejected, Failed];

    public static string Of(int status) => status switch
    {
        < 400 => Succeeded,
        401 or 403 or 429 => Refused,
        < 500 => Rejected,
        _ => Failed,
    };

    public static string Chinese(string outcome) => outcome switch
    {
        Succeeded => "成功",
        Refused => "拒绝",
        Rejected => "无效请求",
        _ => "失败",
    };
}
