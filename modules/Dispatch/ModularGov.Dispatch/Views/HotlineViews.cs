namespace ModularGov.Dispatch.Views;

// What a hotline import answers, record by record: one shape for the API and the console's upload page. Public because the
// page (a Razor component) that takes it is.

/// <summary>One record of an import: its line (1-based), its id, <c>created</c>, <c>duplicate</c>, <c>replayed</c> or <c>rejected</c>, its case, or why not.</summary>
public sealed record HotlineRecordResult(int Line, string? Id, string Outcome, string? CaseId, string? Error);

public sealed record HotlineImportResult(int Created, int Duplicates, int Replayed, int Rejected, IReadOnlyList<HotlineRecordResult> Records);
