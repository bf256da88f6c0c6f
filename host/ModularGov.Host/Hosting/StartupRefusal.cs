using Microsoft.Extensions.Options;
using ModularGov.Host.Storage;

namespace ModularGov.Host.Hosting;

/// <summary>Whether an exception that stopped the start is the operator's to fix, and if so what to tell them.</summary>
internal static class StartupRefusal
{
    /// <summary>
    /// The reason the host refuses to start: a refusal of its own, the data directory held by another host, or bad
    /// options (each failure names its key), whether thrown as is, several at once, or wrapped by the container.
    /// Null for anything else, which is a bug and keeps its stack trace.
    /// </summary>
    public static string? Reason(Exception exception) => exception switch
    {
        StartupRefusedException or DataDirectoryInUseException => exception.Message,
        OptionsValidationException bad => string.Join("\n", bad.Failures),
        AggregateException all => all.InnerExceptions.All(e => Reason(e) is not null) ? string.Join("\n", all.InnerExceptions.Select(Reason)) : null,
        { InnerException: { } inner } => Reason(inner),
        _ => null,
    };
}
