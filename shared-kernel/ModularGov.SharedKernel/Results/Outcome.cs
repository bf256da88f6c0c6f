namespace ModularGov.SharedKernel.Results;

/// <summary>Why an operation changed nothing.</summary>
public enum Refusal
{
    /// <summary>The record does not exist (404).</summary>
    NotFound,
    /// <summary>The request itself is malformed or breaks a rule (400).</summary>
    Invalid,
    /// <summary>The record's state does not allow it now, e.g. a step out of order (409).</summary>
    Conflict,
    /// <summary>The caller's role or scope does not allow it (403).</summary>
    Forbidden,
}

/// <summary>
/// The result of a command on a grain: the value, or the refusal and its reason. A refused command changed
/// nothing. Refusals are values, not exceptions, so they cross silo boundaries cheaply and cannot be mistaken
/// for faults.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] Refusal? Refusal, [property: Id(2)] string? Reason)
{
    public bool IsOk => Refusal is null;

    public static Outcome<T> Ok(T value) => new(value, null, null);

    public static Outcome<T> Refuse(Refusal refusal, string reason) => new(default, refusal, reason);
}
