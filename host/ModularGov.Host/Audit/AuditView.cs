using ModularGov.SharedKernel.State;

namespace ModularGov.Host.Audit;

/// <summary>An entry as <c>GET /api/audit</c> shows it: its time in China time, everything else as stored.</summary>
public sealed record AuditView(
    long Seq, DateTimeOffset At, string Kind, string Actor, string ActorLabel, string Role, string Scope, string Address,
    string Method, string Path, string Module, string Action, string Record, string Outcome, int Status, long DurationMs,
    string Browser, string Detail, string Algorithm, string PreviousHash, string Hash)
{
    internal static AuditView Of(AuditEntry e) => new(
        e.Seq, e.At.ToOffset(ChinaTime.Offset), e.Kind, e.Actor, e.ActorLabel, e.Role, e.Scope, e.Address, e.Method, e.Path, e.Module,
        e.Action, e.Record, e.Outcome, e.Status, e.DurationMs, e.Browser, e.Detail, e.Algorithm, e.PreviousHash, e.Hash);
}
